"""nbgrader settings for this kit: sources in solutions/, student releases in assignments/, and
the kit's steps in nbgrader's pipelines (autograder/nbgrader_course.py says which and why)."""

import sys
from pathlib import Path

COURSE = Path(__file__).resolve().parent
sys.path.insert(0, str(COURSE))

from autograder.nbgrader_course import configure  # noqa: E402

configure(get_config(), COURSE)  # noqa: F821 - nbgrader provides get_config
