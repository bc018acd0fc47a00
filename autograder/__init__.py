"""nnkit autograder: build student releases and Gradescope bundles, and grade submissions.

Student code runs in a separate process (`student_process`); the checks and the report writer run
here, in the judge, and the two exchange plain data only (`wire`).
"""

import sys
from pathlib import Path

# The kit's importable code sits at its root (`autograder`, `nnkit_checks`, `nnkit_torch`),
# except the dataset loaders, `datasets/nnkit_datasets`. `pip install -e .` maps them all; a
# process that has only the kit's root on its path (PYTHONPATH, `python -m autograder` in the kit
# or in a Gradescope zip) finds the loaders through this line.
_LOADERS = str(Path(__file__).resolve().parent.parent / "datasets")
if _LOADERS not in sys.path:
    sys.path.append(_LOADERS)
