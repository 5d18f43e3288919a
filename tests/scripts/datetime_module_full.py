# datetime: timedelta, date, time, datetime, timezone with fixed values only.
import datetime as dtmod
from datetime import date, time, datetime, timedelta, timezone, tzinfo, MINYEAR, MAXYEAR

print(MINYEAR, MAXYEAR)

# ---- timedelta
td = timedelta(days=1, minutes=3)
print(td, repr(td))
print(timedelta(0), repr(timedelta(0)), repr(timedelta(microseconds=-1)))
print(timedelta(hours=-1), repr(timedelta(hours=-1)))
print(timedelta(days=-2, seconds=5), timedelta(weeks=2, milliseconds=1500))
print(timedelta(seconds=1.5), timedelta(days=0.5), timedelta(microseconds=2.5), timedelta(microseconds=3.5))
print(timedelta(days=2) + timedelta(hours=3), timedelta(days=2) - timedelta(hours=3))
print(timedelta(hours=3) * 2, 3 * timedelta(minutes=7), timedelta(hours=1) * 0.25)
print(timedelta(hours=3) / 2, timedelta(hours=3) / timedelta(minutes=40), timedelta(hours=3) // timedelta(minutes=40))
print(timedelta(hours=3) // 7, timedelta(hours=3) % timedelta(minutes=40), divmod(timedelta(hours=3), timedelta(minutes=40)))
print(-timedelta(seconds=1), abs(timedelta(seconds=-90)), +timedelta(1))
print(timedelta(1) == timedelta(hours=24), timedelta(1) != timedelta(2), timedelta(1) < timedelta(2), timedelta(3) >= timedelta(2))
print(hash(timedelta(1)) == hash(timedelta(hours=24)), bool(timedelta(0)), bool(timedelta(microseconds=1)))
print(timedelta(days=1, seconds=1, microseconds=1).total_seconds(), timedelta(days=-1).days, timedelta(days=-1).seconds)
print(timedelta.min, timedelta.max, timedelta.resolution)
print(timedelta(1) == 1, {timedelta(1): "x"}[timedelta(hours=24)])
try:
    timedelta(days=10**9)
except OverflowError as e:
    print("OverflowError:", e)
try:
    timedelta(1) + 1
except TypeError:
    print("TypeError")

# ---- date
d = date(2024, 2, 29)
print(d, repr(d), d.year, d.month, d.day)
print(d.weekday(), d.isoweekday(), d.isocalendar(), tuple(d.isocalendar()), d.isocalendar().week)
print(date(2021, 1, 3).isocalendar(), date(2020, 12, 31).isocalendar(), date(2019, 12, 30).isocalendar())
print(d.toordinal(), date.fromordinal(738945), date.fromordinal(1), date.min, date.max, date.resolution)
print(d.replace(day=1), d.replace(year=2028), d.isoformat(), str(d), d.ctime())
print(d.strftime("%Y-%m-%d %A %B %j"), format(d, "%d/%m/%Y"), "{:%Y}".format(d), f"{d}")
print(date.fromisoformat("2021-12-05"), date.fromisoformat("20211205"), date.fromisocalendar(2020, 53, 5))
print(d + timedelta(days=1), d - timedelta(days=366), timedelta(days=10) + d, d - date(2000, 1, 1))
print(date(2024, 1, 1) < d, date(2024, 1, 1) == date(2024, 1, 1), d != date(2024, 2, 28), max(date(2020, 1, 1), d))
print(hash(date(2020, 1, 1)) == hash(date(2020, 1, 1)), len({date(2020, 1, 1), date(2020, 1, 1), d}))
print(d.timetuple()[:8])
for args in [(2023, 2, 29), (2023, 13, 1), (0, 1, 1), (2023, 4, 31), (10000, 1, 1)]:
    try:
        date(*args)
    except ValueError as e:
        print("ValueError:", e)
try:
    date.fromisoformat("2021-1-5")
except ValueError as e:
    print("ValueError:", e)
try:
    date(2020, 1, 1) < 5
except TypeError:
    print("TypeError")
try:
    date(9999, 12, 31) + timedelta(days=1)
except OverflowError as e:
    print("OverflowError:", e)
print(date(2020, 1, 1) == datetime(2020, 1, 1), date(2020, 1, 1) == "2020-01-01")

# ---- time
t = time(12, 30)
print(t, repr(t), repr(time(1, 2, 3)), repr(time(1, 2, 3, 4)), repr(time()))
print(time(1, 2, 3, 450000).isoformat(), time(1, 2, 3, 450000).isoformat("milliseconds"), t.isoformat("hours"), t.isoformat("minutes"))
print(t.replace(minute=45), time.fromisoformat("04:23:01.000384"), time.fromisoformat("04:23"), time.fromisoformat("04:23:01+05:30"))
print(t.strftime("%H.%M.%S %p"), format(t, "%I:%M"), time.min, time.max, time.resolution)
print(time(1) < time(2), time(3, 4) == time(3, 4), hash(time(3, 4)) == hash(time(3, 4)))
print(t.hour, t.minute, t.second, t.microsecond, t.tzinfo, t.utcoffset(), t.tzname())
tt = time(8, 15, tzinfo=timezone(timedelta(hours=2)))
print(tt, repr(tt), tt.utcoffset(), tt.tzname(), tt.isoformat())
print(time(8, 15, tzinfo=timezone.utc) == time(10, 15, tzinfo=timezone(timedelta(hours=2))))
for args in [(24,), (1, 60), (1, 1, 60), (1, 1, 1, 1000000)]:
    try:
        time(*args)
    except ValueError as e:
        print("ValueError:", e)

# ---- datetime
dt = datetime(2023, 12, 31, 23, 59, 30)
print(dt, repr(dt), repr(datetime(2020, 1, 1)), repr(datetime(2020, 1, 1, 5, 0, 0, 7)))
print(dt + timedelta(seconds=45), dt - timedelta(days=365), dt - datetime(2023, 1, 1), datetime(2023, 1, 1) - dt)
print(dt.date(), dt.time(), dt.timetz(), dt.year, dt.hour, dt.minute, dt.second, dt.microsecond)
print(dt.isoformat(), dt.isoformat(" "), dt.isoformat(timespec="minutes"), datetime(2020, 1, 1, 1, 2, 3, 4000).isoformat(timespec="milliseconds"))
print(str(datetime(2020, 5, 17, 1, 2, 3, 45)), dt.ctime(), dt.weekday(), dt.isocalendar(), dt.toordinal())
print(dt.strftime("%Y/%m/%d %H:%M:%S.%f %a %b"), format(dt, "%H:%M"), "{:%Y-%m}".format(dt))
print(datetime.combine(date(2020, 1, 2), time(3, 4, 5)), datetime.combine(date(2020, 1, 2), time(3, 4), timezone.utc))
print(datetime.strptime("2021-07-04 12:00", "%Y-%m-%d %H:%M"), datetime.strptime("03/Feb/2022 10:20:30", "%d/%b/%Y %H:%M:%S"))
print(datetime.strptime("2021-07-04 12:00:01.25", "%Y-%m-%d %H:%M:%S.%f"))
print(datetime.fromisoformat("2011-11-04T00:05:23"), datetime.fromisoformat("2011-11-04 00:05:23.283"), datetime.fromisoformat("2011-11-04"))
print(repr(datetime.fromisoformat("2011-11-04T00:05:23+04:00")), datetime.fromisoformat("2011-11-04T00:05:23Z"))
print(dt.replace(year=2020, second=0), dt.replace(tzinfo=timezone.utc))
print(dt < datetime(2024, 1, 1), dt == datetime(2023, 12, 31, 23, 59, 30), hash(dt) == hash(datetime(2023, 12, 31, 23, 59, 30)))
print(sorted([datetime(2020, 1, 1, 5), datetime(2019, 1, 1), datetime(2020, 1, 1)]))
print(datetime.min, datetime.max, datetime.resolution, datetime(2020, 1, 1).timetuple()[:8])
print(datetime.fromordinal(738000), datetime(2020, 2, 29) + timedelta(days=365))
try:
    datetime(2020, 1, 1) < datetime(2020, 1, 1, tzinfo=timezone.utc)
except TypeError as e:
    print("TypeError:", e)
try:
    datetime(2020, 1, 1) - datetime(2020, 1, 1, tzinfo=timezone.utc)
except TypeError as e:
    print("TypeError:", e)
try:
    datetime.fromisoformat("2020-01-01T25:00")
except ValueError as e:
    print("ValueError:", e)
print(datetime(2020, 1, 1) == datetime(2020, 1, 1, tzinfo=timezone.utc))
print(isinstance(dt, date), issubclass(datetime, date))

# ---- timezone and aware datetimes
utc = timezone.utc
plus2 = timezone(timedelta(hours=2))
named = timezone(timedelta(hours=-5, minutes=-30), "Somewhere")
print(utc, repr(utc), plus2, repr(plus2), named, repr(named), dtmod.UTC is utc)
print(plus2.utcoffset(None), plus2.tzname(None), plus2.dst(None), timezone(timedelta(0)) is utc, timezone(timedelta(0)) == utc)
print(timezone.min, timezone.max, timezone(timedelta(seconds=-61)))
a = datetime(2022, 6, 1, 12, 0, tzinfo=plus2)
print(a, repr(a), a.isoformat(), a.utcoffset(), a.tzname(), a.dst())
print(a.astimezone(utc), a.astimezone(named), a == datetime(2022, 6, 1, 10, 0, tzinfo=utc))
print(a - datetime(2022, 6, 1, 0, 0, tzinfo=utc), a.timestamp(), datetime(1970, 1, 2, tzinfo=utc).timestamp())
print(datetime.fromtimestamp(86400 * 365.25, utc), datetime.fromtimestamp(1e9, plus2), datetime.utcfromtimestamp(1234567890.5))
print(a.strftime("%Y-%m-%d %H:%M %z %Z"), named.tzname(None), datetime(2020, 1, 1, tzinfo=named).strftime("%z"))
print(a.utctimetuple()[:6], hash(a) == hash(datetime(2022, 6, 1, 10, 0, tzinfo=utc)))
try:
    timezone(timedelta(hours=24))
except ValueError as e:
    print("ValueError:", e)

class Fixed(tzinfo):
    def utcoffset(self, dt):
        return timedelta(hours=1)
    def dst(self, dt):
        return timedelta(0)
    def tzname(self, dt):
        return "FIX"

b = datetime(2022, 1, 1, 0, 0, tzinfo=Fixed())
print(b, b.tzname(), b.utcoffset(), b.astimezone(utc), datetime(2022, 1, 1, tzinfo=utc).astimezone(Fixed()).tzname())
print(b.timetuple()[:9], time(5, tzinfo=Fixed()).isoformat())

class MyDate(date):
    pass

class MyDelta(timedelta):
    pass

print(repr(MyDate(2020, 1, 1)), repr(MyDate(2020, 1, 1) + timedelta(1)), repr(MyDelta(hours=1)))
print(datetime.strptime("2020-01-02T03:04:05+0130", "%Y-%m-%dT%H:%M:%S%z"))
print(datetime.max - datetime.min, timedelta.max + timedelta.min, timedelta(minutes=-1.5), timedelta(hours=1) * 1.1)
for text in ["2011-W01-2", "20111104T000523", "2011-11-04T00:05:23,5", "2011-11-04T00:05:23-05:30", "2011-11-04T00", "2011-11-04T00:05:23+25:00", "2011-11-4"]:
    try:
        print(repr(datetime.fromisoformat(text)))
    except ValueError as e:
        print("ValueError:", e)
print(datetime(2020, 1, 1).strftime("[%z][%Z]"), time(1, 2, 3, 4).strftime("%f"), date(2020, 1, 1).strftime("%H:%M %f"))

def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: date(2020, 1, 1) < datetime(2020, 1, 1))
attempt(lambda: date("2020", 1, 1))
attempt(lambda: date(year=2020, month=2, day=3))
attempt(lambda: timedelta(1) / 0)
attempt(lambda: date.fromordinal(0))
attempt(lambda: datetime(2020, 1, 1).isoformat(timespec="bogus"))
attempt(lambda: timezone(5))
attempt(lambda: timezone(timedelta(1), 5))
attempt(lambda: timezone.utc.utcoffset(5))
attempt(lambda: timezone.utc.fromutc(datetime(2020, 1, 1)))
attempt(lambda: -timedelta.max)
attempt(lambda: timedelta.min - timedelta(1))
attempt(lambda: time(tzinfo=5))
attempt(lambda: time(1) == 3)
attempt(lambda: datetime(2020, 1, 1).__format__(5))
attempt(lambda: date(1, 1, 1).strftime("%Y-%m-%d %a %j"))
attempt(lambda: datetime.strptime("2020-03-04 15:06:07.123456789", "%Y-%m-%d %H:%M:%S.%f"))
attempt(lambda: datetime.strptime("2020-03-04 -05:30", "%Y-%m-%d %z"))
attempt(lambda: datetime.strptime("2020-03-04 junk", "%Y-%m-%d"))
attempt(lambda: datetime.strptime("2020 075", "%Y %j"))
