"""The simulation core: scenario model, conditions, and the Session engine. Imports no pygame."""
