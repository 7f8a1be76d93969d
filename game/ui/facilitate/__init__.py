"""The projector of facilitated group play (`sticky facilitate`): a pygame front end of the group-play model."""
