"""helpgen: a static self-service help center generator on MkDocs + Material."""
__version__ = "0.1.0"
