"""The one error the dataset loaders raise."""


class DatasetError(Exception):
    """Data could not be found, downloaded, verified or parsed; the message says what to do.

    The message is always one line, so a notebook or a grader can show it as it is.
    """
