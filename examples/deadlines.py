"""When is it due? The business-time engine on a real support calendar.

Run it with ``python examples/deadlines.py``. It prints due instants on the support
calendar of Intramed (Mon and Thu 08:00-20:00; Tue, Wed, Fri 08:00-17:00; Dutch
recognised holidays closed) and the VIOMS worked example (1.2.11: reported Monday
16:00, 8 hours of service time, due Tuesday 16:00).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from slacalc import Calendar, CalendarTime, Holidays, WorkingDays

AMS = ZoneInfo("Europe/Amsterdam")


def main() -> None:
    vioms = Calendar.weekdays("09:00", "17:00", tz="Europe/Amsterdam")
    reported = datetime(2026, 11, 23, 16, 0, tzinfo=AMS)
    print(
        f"VIOMS 1.2.11: reported {reported:%a %Y-%m-%d %H:%M}, 8 h -> due "
        f"{vioms.add(reported, timedelta(hours=8)):%a %Y-%m-%d %H:%M}"
    )

    support = Calendar(
        tz="Europe/Amsterdam",
        hours={
            "mon": ["08:00-20:00"],
            "tue": ["08:00-17:00"],
            "wed": ["08:00-17:00"],
            "thu": ["08:00-20:00"],
            "fri": ["08:00-17:00"],
        },
        holidays=Holidays(country="NL", categories=("public", "optional")),
        overrides={date(2026, 12, 31): ["08:00-13:00"]},
    )
    opened = datetime(2026, 12, 24, 15, 30, tzinfo=AMS)
    print(f"Intramed support, opened {opened:%a %Y-%m-%d %H:%M}:")
    for label, duration in [
        ("4 h of support time", timedelta(hours=4)),
        ("1 working day", WorkingDays(1)),
        ("5 working days", WorkingDays(5)),
        ("3 weeks (calendar time)", CalendarTime(weeks=3)),
    ]:
        print(f"  {label:<24} due {support.add(opened, duration):%a %Y-%m-%d %H:%M %Z}")
    closed = datetime(2027, 1, 4, 10, 0, tzinfo=AMS)
    print(
        f"  support time from opening to {closed:%a %Y-%m-%d %H:%M}: "
        f"{support.between(opened, closed)}"
    )


if __name__ == "__main__":
    main()
