"""Dates, times and durations (tulip's own implementation of `datetime`)."""

from _tulip import c_type as _c_type
import time as _clock

MINYEAR = 1
MAXYEAR = 9999

_MONTH_LENGTHS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_ABBR = (None, "Jan", "Feb", "Mar", "Apr", "May", "Jun",
               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_US_PER_SECOND = 1000000
_SECONDS_PER_DAY = 86400
_US_PER_DAY = _US_PER_SECOND * _SECONDS_PER_DAY


# ---------------------------------------------------------------- calendar math

def _leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _month_len(y, m):
    if m == 2 and _leap(y):
        return 29
    return _MONTH_LENGTHS[m]


def _ordinal(y, m, d):
    """Day number of y-m-d, where 0001-01-01 is day 1."""
    p = y - 1
    n = p * 365 + p // 4 - p // 100 + p // 400
    for k in range(1, m):
        n += _MONTH_LENGTHS[k]
    if m > 2 and _leap(y):
        n += 1
    return n + d


def _from_ordinal(n):
    """Inverse of _ordinal: (year, month, day)."""
    n -= 1
    cycles400, n = divmod(n, 146097)
    cycles100, n = divmod(n, 36524)
    cycles4, n = divmod(n, 1461)
    years1, n = divmod(n, 365)
    year = cycles400 * 400 + cycles100 * 100 + cycles4 * 4 + years1 + 1
    if years1 == 4 or cycles100 == 4:
        # the last day of a leap cycle
        return year - 1, 12, 31
    month = 1
    while True:
        ml = _month_len(year, month)
        if n < ml:
            break
        n -= ml
        month += 1
    return year, month, n + 1


def _as_int(v):
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    idx = getattr(type(v), "__index__", None)
    if idx is None:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(v).__name__)
    return idx(v)


def _validate_date(year, month, day):
    year = _as_int(year)
    month = _as_int(month)
    day = _as_int(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("year %d is out of range" % year)
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= day <= _month_len(year, month):
        raise ValueError("day is out of range for month")
    return year, month, day


def _validate_time(hour, minute, second, microsecond, fold):
    hour = _as_int(hour)
    minute = _as_int(minute)
    second = _as_int(second)
    microsecond = _as_int(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError("hour must be in 0..23")
    if not 0 <= minute <= 59:
        raise ValueError("minute must be in 0..59")
    if not 0 <= second <= 59:
        raise ValueError("second must be in 0..59")
    if not 0 <= microsecond <= 999999:
        raise ValueError("microsecond must be in 0..999999")
    if fold not in (0, 1):
        raise ValueError("fold must be either 0 or 1")
    return hour, minute, second, microsecond, fold


def _validate_tz(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, "
                        "not type '%s'" % type(tz).__name__)


def _label(obj):
    """The type name reprs show: qualified for this module's own classes."""
    cls = type(obj)
    if cls.__module__ == __name__:
        return __name__ + "." + cls.__name__
    return cls.__name__


def _clock_text(h, m, s, us, timespec):
    if timespec == "auto":
        timespec = "microseconds" if us else "seconds"
    elif timespec == "milliseconds":
        us //= 1000
    if timespec == "hours":
        return "%02d" % h
    if timespec == "minutes":
        return "%02d:%02d" % (h, m)
    if timespec == "seconds":
        return "%02d:%02d:%02d" % (h, m, s)
    if timespec == "milliseconds":
        return "%02d:%02d:%02d.%03d" % (h, m, s, us)
    if timespec == "microseconds":
        return "%02d:%02d:%02d.%06d" % (h, m, s, us)
    raise ValueError("Unknown timespec value")


def _offset_text(off, sep=":"):
    """'+HH:MM[:SS[.ffffff]]' for a timedelta offset, '' for None."""
    if off is None:
        return ""
    sign = "+"
    if off.days < 0:
        sign = "-"
        off = -off
    mins, secs = divmod(off.seconds, 60)
    hrs, mins = divmod(mins, 60)
    text = "%s%02d%s%02d" % (sign, hrs, sep, mins)
    if secs or off.microseconds:
        text += "%s%02d" % (sep, secs)
        if off.microseconds:
            text += ".%06d" % off.microseconds
    return text


def _check_offset(name, off):
    if off is None:
        return
    if not isinstance(off, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'"
                        % (name, type(off).__name__))
    if not -timedelta(1) < off < timedelta(1):
        raise ValueError("offset must be a timedelta strictly between "
                         "-timedelta(hours=24) and timedelta(hours=24).")


def _expand_format(fmt, obj, us):
    """Handle the directives time.strftime can't know about: %f, %z, %Z."""
    pieces = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c == "%" and i + 1 < n:
            d = fmt[i + 1]
            i += 2
            if d == "f":
                pieces.append("%06d" % us)
            elif d == "z":
                off = obj.utcoffset() if hasattr(obj, "utcoffset") else None
                pieces.append(_offset_text(off, ""))
            elif d == "Z":
                name = obj.tzname() if hasattr(obj, "tzname") else None
                pieces.append("" if name is None else name.replace("%", "%%"))
            else:
                pieces.append("%" + d)
        else:
            pieces.append(c)
            i += 1
    return "".join(pieces)


def _struct(y, mo, d, h, mi, s, dst):
    wd = (_ordinal(y, mo, d) + 6) % 7
    yd = _ordinal(y, mo, d) - _ordinal(y, 1, 1) + 1
    return _clock.struct_time((y, mo, d, h, mi, s, wd, yd, dst))


def _ctime_text(y, mo, d, h, mi, s):
    wd = (_ordinal(y, mo, d) + 6) % 7
    return "%s %s %2d %02d:%02d:%02d %04d" % (
        _DAY_ABBR[wd], _MONTH_ABBR[mo], d, h, mi, s, y)


# ------------------------------------------------------------------- timedelta

@_c_type
class timedelta:
    """A duration: days, seconds (< 1 day) and microseconds (< 1 second)."""

    __slots__ = ("_days", "_seconds", "_microseconds", "_hashcode")

    def __new__(cls, days=0, seconds=0, microseconds=0,
                milliseconds=0, minutes=0, hours=0, weeks=0):
        whole = 0
        frac = 0.0
        for amount, scale in ((days, _US_PER_DAY), (seconds, _US_PER_SECOND),
                              (microseconds, 1), (milliseconds, 1000),
                              (minutes, 60 * _US_PER_SECOND),
                              (hours, 3600 * _US_PER_SECOND),
                              (weeks, 7 * _US_PER_DAY)):
            if isinstance(amount, int):
                whole += amount * scale
            elif isinstance(amount, float):
                if amount != amount or amount in (float("inf"), float("-inf")):
                    raise ValueError("cannot convert float %r to integer" % amount)
                ip = int(amount)
                whole += ip * scale
                frac += (amount - ip) * scale
            else:
                raise TypeError("unsupported type for timedelta %s component: %s"
                                % (_TD_NAMES.get(scale, "days"), type(amount).__name__))
        if frac:
            step = int(frac // 1)
            whole += step
            rest = frac - step
            if rest > 0.5 or (rest == 0.5 and whole % 2 == 1):
                whole += 1
        return cls._from_us(whole)

    @classmethod
    def _from_us(cls, total):
        self = object.__new__(cls)
        days, rest = divmod(total, _US_PER_DAY)
        secs, us = divmod(rest, _US_PER_SECOND)
        if abs(days) > 999999999:
            raise OverflowError("days=%d; must have magnitude <= 999999999" % days)
        self._days = days
        self._seconds = secs
        self._microseconds = us
        self._hashcode = -1
        return self

    def _us(self):
        return (self._days * _SECONDS_PER_DAY + self._seconds) * _US_PER_SECOND \
            + self._microseconds

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def total_seconds(self):
        return self._us() / 10 ** 6

    def __repr__(self):
        parts = []
        if self._days:
            parts.append("days=%d" % self._days)
        if self._seconds:
            parts.append("seconds=%d" % self._seconds)
        if self._microseconds:
            parts.append("microseconds=%d" % self._microseconds)
        if not parts:
            parts.append("0")
        return "%s(%s)" % (_label(self),
                              ", ".join(parts))

    def __str__(self):
        mins, secs = divmod(self._seconds, 60)
        hrs, mins = divmod(mins, 60)
        text = "%d:%02d:%02d" % (hrs, mins, secs)
        if self._microseconds:
            text += ".%06d" % self._microseconds
        if self._days:
            plural = "" if abs(self._days) == 1 else "s"
            text = "%d day%s, %s" % (self._days, plural, text)
        return text

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._us() + other._us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._us() - other._us())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return other - self
        return NotImplemented

    def __neg__(self):
        return timedelta._from_us(-self._us())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_us(self._us() * other)
        if isinstance(other, float):
            num, den = other.as_integer_ratio()
            return timedelta._from_us(_round_div(self._us() * num, den))
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._us() / other._us()
        if isinstance(other, int):
            return timedelta._from_us(_round_div(self._us(), other))
        if isinstance(other, float):
            num, den = other.as_integer_ratio()
            return timedelta._from_us(_round_div(den * self._us(), num))
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._us() // other._us()
        if isinstance(other, int):
            return timedelta._from_us(self._us() // other)
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._us() % other._us())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._us(), other._us())
            return q, timedelta._from_us(r)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._us() == other._us()
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timedelta):
            return self._us() != other._us()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._us() < other._us()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._us() <= other._us()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._us() > other._us()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._us() >= other._us()
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash((self._days, self._seconds, self._microseconds))
        return self._hashcode

    def __bool__(self):
        return bool(self._days or self._seconds or self._microseconds)

    def __reduce__(self):
        return (type(self), (self._days, self._seconds, self._microseconds))


_TD_NAMES = {_US_PER_DAY: "days", _US_PER_SECOND: "seconds", 1: "microseconds",
             1000: "milliseconds", 60 * _US_PER_SECOND: "minutes",
             3600 * _US_PER_SECOND: "hours", 7 * _US_PER_DAY: "weeks"}


def _round_div(a, b):
    """a / b rounded to the nearest int, ties to even."""
    q, r = divmod(a, b)
    twice = 2 * r
    if b > 0:
        if twice > b or (twice == b and q % 2 == 1):
            q += 1
    else:
        if twice < b or (twice == b and q % 2 == 1):
            q += 1
    return q


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59,
                          microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


# ------------------------------------------------------------------------ date

@_c_type
class IsoCalendarDate(tuple):
    def __new__(cls, year, week, weekday):
        return tuple.__new__(cls, (year, week, weekday))

    @property
    def year(self):
        return self[0]

    @property
    def week(self):
        return self[1]

    @property
    def weekday(self):
        return self[2]

    def __repr__(self):
        return "%s(year=%d, week=%d, weekday=%d)" % (
            _label(self), self[0], self[1], self[2])

    def __reduce__(self):
        return (tuple, (tuple(self),))


def _week1_monday(year):
    first = _ordinal(year, 1, 1)
    wd = (first + 6) % 7
    monday = first - wd
    if wd > 3:
        monday += 7
    return monday


def _parse_date_text(s):
    if len(s) == 10 and s[4] == "-" and s[7] == "-":
        return int(s[0:4]), int(s[5:7]), int(s[8:10])
    if len(s) == 8 and s.isdigit():
        return int(s[0:4]), int(s[4:6]), int(s[6:8])
    if len(s) in (8, 10) and "W" in s:
        compact = s.replace("-", "")
        if len(compact) == 8 and compact[4] == "W":
            return ("iso", int(compact[0:4]), int(compact[5:7]), int(compact[7]))
    raise ValueError


@_c_type
class date:
    """A calendar date (proleptic Gregorian)."""

    __slots__ = ("_year", "_month", "_day", "_hashcode")

    def __new__(cls, year, month=None, day=None):
        year, month, day = _validate_date(year, month, day)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hashcode = -1
        return self

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_clock.time())

    @classmethod
    def fromtimestamp(cls, t):
        tm = _clock.localtime(t)
        return cls(tm.tm_year, tm.tm_mon, tm.tm_mday)

    @classmethod
    def fromordinal(cls, n):
        if not 1 <= n <= _MAX_ORDINAL:
            raise ValueError("ordinal must be >= 1")
        return cls(*_from_ordinal(n))

    @classmethod
    def fromisoformat(cls, text):
        if not isinstance(text, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            parts = _parse_date_text(text)
        except ValueError:
            raise ValueError("Invalid isoformat string: %r" % (text,)) from None
        if parts[0] == "iso":
            return cls.fromisocalendar(*parts[1:])
        return cls(*parts)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        if not MINYEAR <= year <= MAXYEAR:
            raise ValueError("Year is out of range: %d" % year)
        if not 0 < week < 53:
            ok = False
            if week == 53:
                wd = (_ordinal(year, 1, 1) + 6) % 7
                ok = wd == 3 or (wd == 2 and _leap(year))
            if not ok:
                raise ValueError("Invalid week: %d" % week)
        if not 0 < day < 8:
            raise ValueError("Invalid weekday: %d (range is [1, 7])" % day)
        return cls(*_from_ordinal(_week1_monday(year) + (week - 1) * 7 + day - 1))

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def __repr__(self):
        return "%s(%d, %d, %d)" % (_label(self),
                                      self._year, self._month, self._day)

    def isoformat(self):
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    __str__ = isoformat

    def ctime(self):
        return _ctime_text(self._year, self._month, self._day, 0, 0, 0)

    def timetuple(self):
        return _struct(self._year, self._month, self._day, 0, 0, 0, -1)

    def strftime(self, fmt):
        return _clock.strftime(_expand_format(fmt, self, 0), self.timetuple())

    def __format__(self, spec):
        if not isinstance(spec, str):
            raise TypeError("__format__() argument 1 must be str, not %s"
                            % type(spec).__name__)
        if spec:
            return self.strftime(spec)
        return str(self)

    def toordinal(self):
        return _ordinal(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.weekday() + 1

    def isocalendar(self):
        y = self._year
        n = self.toordinal()
        start = _week1_monday(y)
        if n < start:
            y -= 1
            start = _week1_monday(y)
        else:
            nxt = _week1_monday(y + 1)
            if n >= nxt:
                y += 1
                start = nxt
        week, wd = divmod(n - start, 7)
        return IsoCalendarDate(y, week + 1, wd + 1)

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day)

    def _key(self):
        return (self._year, self._month, self._day)

    def _comparable(self, other):
        return isinstance(other, date) and not isinstance(other, datetime)

    def __eq__(self, other):
        if isinstance(other, datetime):
            return NotImplemented if isinstance(self, datetime) else False
        if isinstance(other, date):
            return self._key() == other._key()
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __lt__(self, other):
        if self._comparable(other):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if self._comparable(other):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if self._comparable(other):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if self._comparable(other):
            return self._key() >= other._key()
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._key())
        return self._hashcode

    def __add__(self, other):
        if isinstance(other, timedelta):
            n = self.toordinal() + other.days
            if 0 < n <= _MAX_ORDINAL:
                return type(self).fromordinal(n)
            raise OverflowError("date value out of range")
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def __reduce__(self):
        return (type(self), (self._year, self._month, self._day))


_MAX_ORDINAL = _ordinal(MAXYEAR, 12, 31)
date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


# ---------------------------------------------------------------------- tzinfo

@_c_type
class tzinfo:
    """Abstract base for time zone information."""

    __slots__ = ()

    def tzname(self, dt):
        raise NotImplementedError("tzinfo subclass must override tzname()")

    def utcoffset(self, dt):
        raise NotImplementedError("tzinfo subclass must override utcoffset()")

    def dst(self, dt):
        raise NotImplementedError("tzinfo subclass must override dst()")

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc() requires a datetime argument")
        if dt.tzinfo is not self:
            raise ValueError("dt.tzinfo is not self")
        off = dt.utcoffset()
        if off is None:
            raise ValueError("fromutc() requires a non-None utcoffset() result")
        saving = dt.dst()
        if saving is None:
            raise ValueError("fromutc() requires a non-None dst() result")
        std = off - saving
        if std:
            dt = dt + std
            saving = dt.dst()
            if saving is None:
                raise ValueError("fromutc(): dt.dst gave inconsistent results; "
                                 "cannot convert")
        return dt + saving


# ------------------------------------------------------------------------ time

def _parse_clock(s):
    """'HH[:MM[:SS[.fff[fff]]]]' (or compact) -> [h, m, s, us]."""
    vals = [0, 0, 0, 0]
    frac = ""
    for mark in (".", ","):
        if mark in s:
            s, frac = s.split(mark, 1)
            break
    if ":" in s:
        fields = s.split(":")
    else:
        fields = [s[i:i + 2] for i in range(0, len(s), 2)]
    if not 1 <= len(fields) <= 3:
        raise ValueError
    for i, f in enumerate(fields):
        if len(f) != 2 or not f.isdigit():
            raise ValueError
        vals[i] = int(f)
    if frac:
        if len(fields) != 3 or not frac.isdigit():
            raise ValueError
        vals[3] = int((frac + "000000")[:6])
    return vals


def _parse_time_text(s):
    """Returns (h, m, s, us, offset), offset None, timezone.utc or a timedelta."""
    tz = None
    cut = -1
    for mark in ("+", "-", "Z"):
        k = s.find(mark)
        if k != -1:
            cut = k
            break
    if cut != -1:
        zone = s[cut:]
        s = s[:cut]
        if zone == "Z":
            tz = timezone.utc
        else:
            sign = -1 if zone[0] == "-" else 1
            h, m, sec, us = _parse_clock(zone[1:])
            tz = sign * timedelta(hours=h, minutes=m, seconds=sec, microseconds=us)
    h, m, sec, us = _parse_clock(s)
    return h, m, sec, us, tz


def _zone_from(off):
    """The tzinfo for a parsed offset (None, a timedelta or timezone.utc)."""
    if off is None or isinstance(off, tzinfo):
        return off
    return timezone.utc if not off else timezone(off)


@_c_type
class time:
    """A time of day, optionally with a tzinfo."""

    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo",
                 "_fold", "_hashcode")

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None,
                *, fold=0):
        hour, minute, second, microsecond, fold = _validate_time(
            hour, minute, second, microsecond, fold)
        _validate_tz(tzinfo)
        self = object.__new__(cls)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        self._hashcode = -1
        return self

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    @classmethod
    def fromisoformat(cls, text):
        if not isinstance(text, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            body = text[1:] if text[:1] == "T" else text
            h, m, s, us, tz = _parse_time_text(body)
        except (ValueError, IndexError):
            raise ValueError("Invalid isoformat string: %r" % (text,)) from None
        return cls(h, m, s, us, _zone_from(tz))

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        off = self._tzinfo.utcoffset(None)
        _check_offset("utcoffset", off)
        return off

    def dst(self):
        if self._tzinfo is None:
            return None
        off = self._tzinfo.dst(None)
        _check_offset("dst", off)
        return off

    def tzname(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.tzname(None)

    def isoformat(self, timespec="auto"):
        text = _clock_text(self._hour, self._minute, self._second,
                           self._microsecond, timespec)
        return text + _offset_text(self.utcoffset())

    __str__ = isoformat

    def __repr__(self):
        args = "%d, %d" % (self._hour, self._minute)
        if self._microsecond:
            args += ", %d, %d" % (self._second, self._microsecond)
        elif self._second:
            args += ", %d" % self._second
        text = "%s(%s)" % (_label(self), args)
        if self._tzinfo is not None:
            text = text[:-1] + ", tzinfo=%r)" % (self._tzinfo,)
        if self._fold:
            text = text[:-1] + ", fold=1)"
        return text

    def strftime(self, fmt):
        tt = _struct(1900, 1, 1, self._hour, self._minute, self._second, -1)
        return _clock.strftime(_expand_format(fmt, self, self._microsecond), tt)

    def __format__(self, spec):
        if not isinstance(spec, str):
            raise TypeError("__format__() argument 1 must be str, not %s"
                            % type(spec).__name__)
        if spec:
            return self.strftime(spec)
        return str(self)

    def replace(self, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, *, fold=None):
        return type(self)(
            self._hour if hour is None else hour,
            self._minute if minute is None else minute,
            self._second if second is None else second,
            self._microsecond if microsecond is None else microsecond,
            self._tzinfo if tzinfo is True else tzinfo,
            fold=self._fold if fold is None else fold)

    def _order(self, other, eq):
        """A comparable key pair, or raise TypeError for naive vs aware."""
        a = self.utcoffset()
        b = other.utcoffset()
        mine = (self._hour, self._minute, self._second, self._microsecond)
        theirs = (other._hour, other._minute, other._second, other._microsecond)
        if self._tzinfo is other._tzinfo or a == b:
            return mine, theirs
        if (a is None) != (b is None):
            if eq:
                return None
            raise TypeError("can't compare offset-naive and offset-aware times")
        def shift(t, off):
            total = ((t[0] * 60 + t[1]) * 60 + t[2]) * _US_PER_SECOND + t[3]
            return total - off._us()
        return shift(mine, a), shift(theirs, b)

    def __eq__(self, other):
        if not isinstance(other, time):
            return NotImplemented
        pair = self._order(other, True)
        return pair is not None and pair[0] == pair[1]

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __lt__(self, other):
        if not isinstance(other, time):
            return NotImplemented
        a, b = self._order(other, False)
        return a < b

    def __le__(self, other):
        if not isinstance(other, time):
            return NotImplemented
        a, b = self._order(other, False)
        return a <= b

    def __gt__(self, other):
        if not isinstance(other, time):
            return NotImplemented
        a, b = self._order(other, False)
        return a > b

    def __ge__(self, other):
        if not isinstance(other, time):
            return NotImplemented
        a, b = self._order(other, False)
        return a >= b

    def __hash__(self):
        if self._hashcode == -1:
            off = self.utcoffset()
            if not off:
                key = (self._hour, self._minute, self._second, self._microsecond)
            else:
                key = ((self._hour * 60 + self._minute) * 60 + self._second) \
                    * _US_PER_SECOND + self._microsecond - off._us()
            self._hashcode = hash(key)
        return self._hashcode

    def __bool__(self):
        return True

    def __reduce__(self):
        return (type(self), (self._hour, self._minute, self._second,
                             self._microsecond, self._tzinfo))


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


# -------------------------------------------------------------------- datetime

@_c_type
class datetime(date):
    """A date together with a time of day."""

    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold")

    def __new__(cls, year, month=None, day=None, hour=0, minute=0, second=0,
                microsecond=0, tzinfo=None, *, fold=0):
        year, month, day = _validate_date(year, month, day)
        hour, minute, second, microsecond, fold = _validate_time(
            hour, minute, second, microsecond, fold)
        _validate_tz(tzinfo)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        self._hashcode = -1
        return self

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    # -- construction

    @classmethod
    def _from_seconds(cls, t, utc, tz):
        if isinstance(t, float):
            whole = int(t // 1)
            us = round((t - whole) * 1e6)
            if us >= 1000000:
                whole += 1
                us -= 1000000
        else:
            whole = _as_int(t)
            us = 0
        tm = _clock.gmtime(whole) if utc else _clock.localtime(whole)
        result = cls(tm.tm_year, tm.tm_mon, tm.tm_mday, tm.tm_hour, tm.tm_min,
                     min(tm.tm_sec, 59), us, tz)
        return result

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _validate_tz(tz)
        if tz is None:
            return cls._from_seconds(t, False, None)
        base = cls._from_seconds(t, True, tz)
        return tz.fromutc(base)

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls._from_seconds(t, True, None)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_clock.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_clock.time())

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_clock.time())

    @classmethod
    def fromordinal(cls, n):
        d = date.fromordinal(n)
        return cls(d.year, d.month, d.day)

    @classmethod
    def combine(cls, date_part, time_part, tzinfo=True):
        if not isinstance(date_part, date):
            raise TypeError("combine() argument 1 must be datetime.date, not %s"
                            % type(date_part).__name__)
        if not isinstance(time_part, time):
            raise TypeError("combine() argument 2 must be datetime.time, not %s"
                            % type(time_part).__name__)
        if tzinfo is True:
            tzinfo = time_part.tzinfo
        return cls(date_part.year, date_part.month, date_part.day,
                   time_part.hour, time_part.minute, time_part.second,
                   time_part.microsecond, tzinfo, fold=time_part.fold)

    @classmethod
    def fromisoformat(cls, text):
        if not isinstance(text, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            if len(text) > 10 and text[4] == "-":
                head, rest = text[:10], text[11:]
            elif len(text) > 8 and text[:8].isdigit() and not text[8].isdigit():
                head, rest = text[:8], text[9:]
            elif len(text) in (8, 10):
                head, rest = text, None
            else:
                raise ValueError
            parts = _parse_date_text(head)
            clock = (0, 0, 0, 0, None)
            if rest is not None:
                clock = _parse_time_text(rest)
        except (ValueError, IndexError):
            raise ValueError("Invalid isoformat string: %r" % (text,)) from None
        if parts[0] == "iso":
            d = date.fromisocalendar(*parts[1:])
            parts = (d.year, d.month, d.day)
        return cls(parts[0], parts[1], parts[2], clock[0], clock[1], clock[2],
                   clock[3], _zone_from(clock[4]))

    @classmethod
    def strptime(cls, text, fmt):
        if "%f" in fmt or "%z" in fmt:
            return _strptime_extended(cls, text, fmt)
        tm = _clock.strptime(text, fmt)
        return cls(tm.tm_year, tm.tm_mon, tm.tm_mday, tm.tm_hour, tm.tm_min,
                   tm.tm_sec)

    # -- views

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond,
                    fold=self._fold)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond,
                    self._tzinfo, fold=self._fold)

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        off = self._tzinfo.utcoffset(self)
        _check_offset("utcoffset", off)
        return off

    def dst(self):
        if self._tzinfo is None:
            return None
        off = self._tzinfo.dst(self)
        _check_offset("dst", off)
        return off

    def tzname(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.tzname(self)

    def timetuple(self):
        saving = self.dst()
        flag = -1 if saving is None else (1 if saving else 0)
        return _struct(self._year, self._month, self._day, self._hour,
                       self._minute, self._second, flag)

    def utctimetuple(self):
        off = self.utcoffset()
        t = self if not off else self - off
        return _struct(t._year, t._month, t._day, t._hour, t._minute, t._second, 0)

    def timestamp(self):
        if self._tzinfo is None:
            tt = (self._year, self._month, self._day, self._hour, self._minute,
                  self._second, 0, 0, -1)
            return _clock.mktime(tt) + self._microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def toordinal(self):
        return _ordinal(self._year, self._month, self._day)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None,
                second=None, microsecond=None, tzinfo=True, *, fold=None):
        pick = lambda new, old: old if new is None else new
        return type(self)(pick(year, self._year), pick(month, self._month),
                          pick(day, self._day), pick(hour, self._hour),
                          pick(minute, self._minute), pick(second, self._second),
                          pick(microsecond, self._microsecond),
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=pick(fold, self._fold))

    def astimezone(self, tz=None):
        if tz is None:
            stamp = self.timestamp()
            local = datetime._from_seconds(stamp, False, None)
            tm = _clock.localtime(int(stamp // 1))
            off = timedelta(seconds=tm.tm_gmtoff)
            tz = timezone(off, tm.tm_zone)
            return local.replace(tzinfo=tz)
        if not isinstance(tz, tzinfo):
            raise TypeError("tz argument must be an instance of tzinfo")
        if self._tzinfo is tz:
            return self
        off = self.utcoffset()
        if off is None:
            off = self.replace(tzinfo=None).astimezone().utcoffset()
        utc = (self - off).replace(tzinfo=tz)
        return tz.fromutc(utc)

    # -- text

    def isoformat(self, sep="T", timespec="auto"):
        return "%04d-%02d-%02d%s%s%s" % (
            self._year, self._month, self._day, sep,
            _clock_text(self._hour, self._minute, self._second,
                        self._microsecond, timespec),
            _offset_text(self.utcoffset()))

    def __str__(self):
        return self.isoformat(sep=" ")

    def __repr__(self):
        fields = [self._year, self._month, self._day, self._hour, self._minute,
                  self._second, self._microsecond]
        while len(fields) > 5 and fields[-1] == 0:
            fields.pop()
        text = "%s(%s)" % (_label(self),
                              ", ".join("%d" % f for f in fields))
        if self._tzinfo is not None:
            text = text[:-1] + ", tzinfo=%r)" % (self._tzinfo,)
        if self._fold:
            text = text[:-1] + ", fold=1)"
        return text

    def ctime(self):
        return _ctime_text(self._year, self._month, self._day, self._hour,
                           self._minute, self._second)

    def strftime(self, fmt):
        return _clock.strftime(_expand_format(fmt, self, self._microsecond),
                               self.timetuple())

    # -- comparison and arithmetic

    def _us_total(self):
        return ((self.toordinal() * _SECONDS_PER_DAY
                 + self._hour * 3600 + self._minute * 60 + self._second)
                * _US_PER_SECOND + self._microsecond)

    def _order(self, other, eq):
        a = self.utcoffset()
        b = other.utcoffset() if self._tzinfo is not other._tzinfo else a
        if self._tzinfo is other._tzinfo or a == b:
            return self._us_total(), other._us_total()
        if (a is None) != (b is None):
            if eq:
                return None
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        return self._us_total() - a._us(), other._us_total() - b._us()

    def __eq__(self, other):
        if isinstance(other, datetime):
            pair = self._order(other, True)
            return pair is not None and pair[0] == pair[1]
        if isinstance(other, date):
            return False
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def _cmp_check(self, other):
        if isinstance(other, datetime):
            return True
        if isinstance(other, date):
            raise TypeError("can't compare %s to %s" % (
                _label(self), _label(other)))
        return False

    def __lt__(self, other):
        if not self._cmp_check(other):
            return NotImplemented
        a, b = self._order(other, False)
        return a < b

    def __le__(self, other):
        if not self._cmp_check(other):
            return NotImplemented
        a, b = self._order(other, False)
        return a <= b

    def __gt__(self, other):
        if not self._cmp_check(other):
            return NotImplemented
        a, b = self._order(other, False)
        return a > b

    def __ge__(self, other):
        if not self._cmp_check(other):
            return NotImplemented
        a, b = self._order(other, False)
        return a >= b

    def __hash__(self):
        if self._hashcode == -1:
            off = self.utcoffset()
            total = self._us_total()
            if off:
                total -= off._us()
            self._hashcode = hash(total)
        return self._hashcode

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        total = self._us_total() + other._us()
        days, rest = divmod(total, _US_PER_DAY)
        if not 0 < days <= _MAX_ORDINAL:
            raise OverflowError("date value out of range")
        secs, us = divmod(rest, _US_PER_SECOND)
        mins, s = divmod(secs, 60)
        h, m = divmod(mins, 60)
        y, mo, d = _from_ordinal(days)
        return type(self)(y, mo, d, h, m, s, us, self._tzinfo)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if not isinstance(other, datetime):
            return NotImplemented
        diff = self._us_total() - other._us_total()
        if self._tzinfo is not other._tzinfo:
            a = self.utcoffset()
            b = other.utcoffset()
            if (a is None) != (b is None):
                raise TypeError("can't subtract offset-naive and offset-aware "
                                "datetimes")
            if a is not None:
                diff -= a._us() - b._us()
        return timedelta._from_us(diff)

    def __reduce__(self):
        return (type(self), (self._year, self._month, self._day, self._hour,
                             self._minute, self._second, self._microsecond,
                             self._tzinfo))


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)


def _strptime_extended(cls, text, fmt):
    """strptime for formats using %f / %z, which time.strptime lacks.

    Walks format and text together: the %f / %z fields are decoded here and
    cut out, everything else is collected and handed to time.strptime.
    """
    us = 0
    tz = None
    out_text = []
    ti = 0
    fi = 0
    plain = []
    while fi < len(fmt):
        if fmt[fi] == "%" and fi + 1 < len(fmt) and fmt[fi + 1] in "fz":
            d = fmt[fi + 1]
            # text consumed so far must match the plain prefix; find value
            j = ti
            if d == "f":
                while j < len(text) and j - ti < 6 and text[j].isdigit():
                    j += 1
                if j == ti:
                    raise ValueError("time data %r does not match format %r"
                                     % (text, fmt))
                us = int((text[ti:j] + "000000")[:6])
            else:
                if text[j:j + 1] == "Z":
                    j += 1
                    tz = timezone.utc
                else:
                    if text[j:j + 1] not in ("+", "-"):
                        raise ValueError("time data %r does not match format %r"
                                         % (text, fmt))
                    j += 1
                    while j < len(text) and (text[j].isdigit() or text[j] in ":."):
                        j += 1
                    zone = text[ti:j]
                    digits = zone[1:].replace(":", "")
                    h = int(digits[0:2])
                    m = int(digits[2:4] or "0")
                    s = int(digits[4:6] or "0")
                    off = timedelta(hours=h, minutes=m, seconds=s)
                    tz = timezone(-off if zone[0] == "-" else off)
            ti = j
            fi += 2
        else:
            # take the text one directive (or literal) matches; it is
            # validated by time.strptime at the end
            plain.append(fmt[fi])
            if fmt[fi] == "%" and fi + 1 < len(fmt):
                plain.append(fmt[fi + 1])
                unit = fmt[fi:fi + 2]
                fi += 2
                j = ti
                if unit == "%%":
                    j += 1
                elif unit in ("%Y",):
                    while j < len(text) and j - ti < 4 and text[j].isdigit():
                        j += 1
                elif unit in ("%b", "%B", "%a", "%A", "%p", "%Z"):
                    while j < len(text) and text[j].isalpha():
                        j += 1
                else:
                    while j < len(text) and j - ti < 2 and text[j].isdigit():
                        j += 1
                out_text.append(text[ti:j])
                ti = j
            else:
                out_text.append(text[ti:ti + 1])
                ti += 1
                fi += 1
    if ti != len(text):
        raise ValueError("unconverted data remains: %s" % text[ti:])
    tm = _clock.strptime("".join(out_text), "".join(plain))
    return cls(tm.tm_year, tm.tm_mon, tm.tm_mday, tm.tm_hour, tm.tm_min,
               tm.tm_sec, us, tz)


# -------------------------------------------------------------------- timezone

@_c_type
class timezone(tzinfo):
    """A fixed offset from UTC."""

    __slots__ = ("_offset", "_name")

    def __new__(cls, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, "
                            "not %s" % type(offset).__name__)
        if name is not None and not isinstance(name, str):
            raise TypeError("timezone() argument 2 must be str, not %s"
                            % type(name).__name__)
        if not -timedelta(1) < offset < timedelta(1):
            raise ValueError("offset must be a timedelta strictly between "
                             "-timedelta(hours=24) and timedelta(hours=24), "
                             "not %r." % (offset,))
        if name is None and not offset and _UTC is not None:
            return _UTC
        self = object.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is _UTC:
            return "datetime.timezone.utc"
        if self._name is None:
            return "%s(%r)" % (_label(self),
                                  self._offset)
        return "%s(%r, %r)" % (_label(self),
                                  self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def __getinitargs__(self):
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)

    def __reduce__(self):
        return (type(self), self.__getinitargs__())

    def _arg_check(self, dt, what):
        if dt is not None and not isinstance(dt, datetime):
            raise TypeError("%s(dt) argument must be a datetime instance or "
                            "None, not %s" % (what, type(dt).__name__))

    def utcoffset(self, dt):
        self._arg_check(dt, "utcoffset")
        return self._offset

    def dst(self, dt):
        self._arg_check(dt, "dst")
        return None

    def tzname(self, dt):
        self._arg_check(dt, "tzname")
        if self._name is not None:
            return self._name
        if not self._offset:
            return "UTC"
        return "UTC" + _offset_text(self._offset)

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        return dt + self._offset


_UTC = None
_UTC = timezone(timedelta(0))
timezone.utc = _UTC
UTC = _UTC
timezone.min = timezone(-timedelta(hours=23, minutes=59))
timezone.max = timezone(timedelta(hours=23, minutes=59))
_EPOCH = datetime(1970, 1, 1, tzinfo=_UTC)

__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo",
           "MINYEAR", "MAXYEAR", "UTC")
