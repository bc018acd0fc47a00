"""nbgrader settings for this kit: sources in solutions/, student releases in assignments/."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from autograder.nbgrader_course import configure  # noqa: E402

configure(get_config())  # noqa: F821 - nbgrader provides get_config
