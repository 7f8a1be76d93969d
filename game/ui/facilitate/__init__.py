"""The projector of facilitated group play (`sticky facilitate`): its screens and panels."""
