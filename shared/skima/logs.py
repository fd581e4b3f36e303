"""The functions' JSON logs, for the handlers' Powertools Logger and the domain modules' standard loggers alike.

Domain modules log with `logging.getLogger(__name__)` (skima.scoring.scorer, skima.tracker.client...) and never import
Powertools. Their records propagate to the `skima` package logger, which `function_logger` gives the handler's JSON
handler and level by name: they come out as JSON with the invocation's keys whatever service name the Logger has
(POWERTOOLS_SERVICE_NAME), rather than only while that name happens to be the package's.
"""

from __future__ import annotations

import logging

from aws_lambda_powertools import Logger

PACKAGE_LOGGER = "skima"


def function_logger() -> Logger:
    """The handler's Powertools Logger (service, level and sampling from POWERTOOLS_* variables), with the `skima`
    package logger writing through the same JSON handler. Call once per handler module."""
    logger = Logger()
    package = logging.getLogger(PACKAGE_LOGGER)
    if logger.name != PACKAGE_LOGGER:  # when it is, the Logger already configured the package logger itself
        package.handlers = [logger.registered_handler]
        package.setLevel(logger.log_level)
        # Not on to the root logger as well: Lambda's root handler would print every record a second time, as text.
        package.propagate = False
    return logger
