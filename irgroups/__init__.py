"""irgroups: verified IR-group datasets for GEPO / OORL training."""

__version__ = "0.1.0"
