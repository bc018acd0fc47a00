"""Lets pytest run the checks in this folder against a submission (autograder/pytest_plugin.py):

python -m pytest checks/a1_two_moons.py --submission path/to/a1_two_moons.ipynb
"""

import autograder.pytest_plugin


def pytest_addoption(parser, pluginmanager) -> None:
    # Register the plugin here, not with `pytest_plugins` (which pytest refuses outside the
    # root folder), so that its options are added in time; once only, should `-p` or an entry
    # point have loaded it already.
    if not pluginmanager.is_registered(autograder.pytest_plugin):
        pluginmanager.register(autograder.pytest_plugin, "autograder.pytest_plugin")
