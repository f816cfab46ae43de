"""The estimate engine's contract with the browser: everything docs/assets/javascripts/estimate-core.js
needs to check and compute a scenario as macros/ does, taken from the Python model so that it is
typed once. The estimator page carries it in a data attribute; `python -m macros.contract` prints
it (the Node tests read it that way).

    contract() -> dict    {"fields", "defaults", "kinds", "rate_fields", "days_per_year",
                           "days_per_month", "count_suffixes", "size_units", "count_steps",
                           "byte_steps", "limits", "messages"}
"""
from __future__ import annotations

import json
import sys
import typing

from . import schema, units
from .messages import MESSAGES

_MODELS = {"scenario": schema.Scenario, "users": schema.Users, "assumptions": schema.Assumptions,
           "operation": schema.Operation, "ratio": schema.Ratio, "payload_part": schema.PayloadPart}


def _keys(model) -> list[str]:
    return [field.alias or name for name, field in model.model_fields.items()]


def contract() -> dict:
    assumptions = schema.Assumptions.model_fields
    kinds = typing.get_args(schema.Operation.model_fields["kind"].annotation)
    return {
        "fields": {name: _keys(model) for name, model in _MODELS.items()},
        "defaults": {name: field.default for name, field in assumptions.items()},
        "kinds": list(kinds),
        "rate_fields": list(schema.RATE_FIELDS),
        "days_per_year": schema.DAYS_PER_YEAR,
        "days_per_month": schema.DAYS_PER_MONTH,
        "count_suffixes": units.COUNT_SUFFIXES,
        "size_units": units.SIZE_UNITS,
        "count_steps": [[factor, unit] for factor, unit in units.COUNT_STEPS],
        "byte_steps": [[factor, unit] for factor, unit in units.DECIMAL_STEPS],
        "limits": {"operations": schema.MAX_OPERATIONS, "short_text": schema.SHORT_LIMIT,
                   "text": schema.TEXT_LIMIT},
        "messages": MESSAGES,
    }


if __name__ == "__main__":
    json.dump(contract(), sys.stdout, indent=1)
    sys.stdout.write("\n")
