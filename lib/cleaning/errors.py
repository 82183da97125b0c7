"""The one error every reading step raises: light to import, so code that only catches it (or
unpickles a prepared corpus) need not load the decoders."""


class UnreadableSourceError(ValueError):
    """A file that cannot be read as text; the message is one line saying why and what to do."""
