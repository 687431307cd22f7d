"""factcheck: checks a draft's direct quotes and figures against a newsroom's reference store."""

__version__ = "0.1.0"
