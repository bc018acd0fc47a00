"""Generated check modules, one per assignment (``python -m autograder build`` writes them)."""
