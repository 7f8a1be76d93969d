"""Training: learner records, replays, trainer reports, xAPI statements and facilitated group play."""
