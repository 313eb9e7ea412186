"""Display options, in the manner of ``pandas.options.display``.

>>> import patient_partner as pp
>>> pp.options.display.max_groups = 20      # groups shown by a report's preview
>>> pp.options.display.max_buckets = 12     # bucket rows per group (first and last halves)
>>> pp.options.display.reset()

``None`` means "as many as fit": the HTML preview never exceeds 200,000 bytes whatever the
options. They are read by :meth:`ActivityReport._repr_html_`, ``repr()``, ``print()``,
:meth:`ActivityReport.to_html` and :meth:`ActivityReport.to_string` when no argument is given.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional

_DEFAULTS = {"max_groups": 10, "max_buckets": 24}


def _checked(name: str, value: object) -> Optional[int]:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(
            f"options.display.{name} must be a whole number >= 0 or None, not {value!r}"
        )
    return value


class DisplayOptions:
    """How much of a report its preview shows (see the module's documentation)."""

    __slots__ = ("_max_groups", "_max_buckets")

    def __init__(self) -> None:
        self._max_groups: Optional[int] = _DEFAULTS["max_groups"]
        self._max_buckets: Optional[int] = _DEFAULTS["max_buckets"]

    @property
    def max_groups(self) -> Optional[int]:
        """The most groups (partners, establishments) shown; default 10."""
        return self._max_groups

    @max_groups.setter
    def max_groups(self, value: Optional[int]) -> None:
        self._max_groups = _checked("max_groups", value)

    @property
    def max_buckets(self) -> Optional[int]:
        """The most bucket rows shown per group (first and last halves, ``…`` between
        them; at least 2); default 24."""
        return self._max_buckets

    @max_buckets.setter
    def max_buckets(self, value: Optional[int]) -> None:
        self._max_buckets = _checked("max_buckets", value)

    def reset(self) -> None:
        """Back to the defaults (10 groups, 24 buckets)."""
        self._max_groups = _DEFAULTS["max_groups"]
        self._max_buckets = _DEFAULTS["max_buckets"]

    def __repr__(self) -> str:
        return f"DisplayOptions(max_groups={self._max_groups!r}, max_buckets={self._max_buckets!r})"


class Options:
    """The package's options: ``options.display``."""

    __slots__ = ("display",)

    def __init__(self) -> None:
        self.display = DisplayOptions()

    def __repr__(self) -> str:
        return f"Options(display={self.display!r})"


options = Options()
