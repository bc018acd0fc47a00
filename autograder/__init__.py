"""nnkit autograder: build student releases and Gradescope bundles, and grade submissions.

Student code runs in a separate process (`student_process`); the checks and the report writer run
here, in the judge, and the two exchange plain data only (`wire`).
"""
