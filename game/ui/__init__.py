"""The pygame-ce front end: screens that show what the Session returns, and change nothing themselves."""
