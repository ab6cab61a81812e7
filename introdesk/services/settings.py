"""The user's tunable numbers (DESIGN.md names their defaults), stored in the database."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from introdesk.core.errors import ValidationError
from introdesk.core.reliability import ReliabilityParams


@dataclass(frozen=True)
class DeskSettings:
    prior_success: float = 2.0
    prior_failure: float = 1.0
    half_life_days: float = 365.0
    ghost_weight: float = 1.5
    default_window_days: float = 2.0
    stop_window_days: int = 548
    due_soon_days: float = 2.0
    stale_consent_days: float = 7.0

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValidationError(f"The setting {item.name} must be a number, not {value!r}.")
            if value < 0 or (value == 0 and item.name not in ("stop_window_days",)):
                raise ValidationError(f"The setting {item.name} must be above zero (got {value}).")
        # Builds the parameters once so that a bad combination is refused here, not later.
        self.reliability_params()

    def reliability_params(self) -> ReliabilityParams:
        return ReliabilityParams(
            prior_success=self.prior_success,
            prior_failure=self.prior_failure,
            half_life_days=self.half_life_days,
            ghost_weight=self.ghost_weight,
        )

    def with_changes(self, **changes: Any) -> DeskSettings:
        known = {item.name for item in fields(self)}
        unknown = sorted(set(changes) - known)
        if unknown:
            raise ValidationError(
                f"Unknown setting {', '.join(unknown)}; the settings are {', '.join(sorted(known))}."
            )
        return replace(self, **changes)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_stored(cls, stored: dict[str, Any]) -> DeskSettings:
        known = {item.name for item in fields(cls)}
        return cls(**{key: value for key, value in stored.items() if key in known})
