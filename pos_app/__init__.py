"""The pickup counter app: hand over rewards that customers claimed online."""

__version__ = "0.1.0"
APP_NAME = "Pickup Counter"
