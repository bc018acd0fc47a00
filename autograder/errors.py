"""The one base of the errors a user of the kit can cause and fix."""


class KitError(Exception):
    """A problem the user can fix (a manifest, a check cell, a release, a cluster, a results
    folder, an nbgrader command); the CLI prints its message after `error:` and exits 2."""
