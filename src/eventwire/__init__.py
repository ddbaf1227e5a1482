"""eventwire: news stories in, political event data (CAMEO and PLOVER) out."""

__version__ = "0.1.0"
CODER = f"eventwire {__version__}"
