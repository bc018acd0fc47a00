"""Lets pytest run the checks in this folder against a submission (autograder/pytest_plugin.py):

python -m pytest autograder/checks/a1_two_moons.py --submission path/to/a1_two_moons.ipynb
"""


def pytest_addoption(parser, pluginmanager) -> None:
    # Load the plugin here, not with `pytest_plugins` (which pytest refuses outside the root
    # folder): its options are added in time, and `-p autograder.pytest_plugin` loads it once.
    pluginmanager.import_plugin("autograder.pytest_plugin")
