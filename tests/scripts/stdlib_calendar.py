# calendar: leap years, weekdays, month layouts as text and HTML.
import calendar


def attempt(f, *args):
    try:
        print('ok', repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)


print([y for y in range(1896, 1910) if calendar.isleap(y)], calendar.isleap(2000), calendar.isleap(1900))
print(calendar.leapdays(1900, 2024), calendar.leapdays(2024, 1900), calendar.weekday(2024, 2, 29), calendar.weekday(1, 1, 1))
for y, m in [(2024, 1), (2024, 2), (2023, 2), (2000, 12), (1, 1)]:
    print(calendar.monthrange(y, m), calendar.monthcalendar(y, m))
attempt(calendar.monthrange, 2024, 13)
attempt(calendar.monthrange, 2024, 0)
print(calendar.month(2024, 2), end='')
print(calendar.month(2023, 10, 3, 2), end='')
print(calendar.calendar(2024))
calendar.setfirstweekday(calendar.SUNDAY)
print(calendar.firstweekday(), calendar.weekheader(3))
print(calendar.month(2024, 3), end='')
calendar.setfirstweekday(0)
attempt(calendar.setfirstweekday, 9)
print(list(calendar.day_name), list(calendar.day_abbr), calendar.month_name[1], calendar.month_abbr[12], len(calendar.month_name))
print(calendar.weekheader(2), calendar.weekheader(9), calendar.timegm((2024, 1, 1, 12, 30, 15)), calendar.timegm((1969, 12, 31, 23, 59, 59, 0, 0, 0)))
c = calendar.Calendar(firstweekday=6)
print(list(c.iterweekdays()), list(c.itermonthdays(2024, 2))[:10], list(c.itermonthdays2(2024, 2))[:3])
print(list(c.itermonthdates(2024, 12))[-3:], list(c.itermonthdays3(2024, 1))[:2], list(c.itermonthdays4(2024, 1))[:2])
print(c.monthdatescalendar(2024, 2)[0][:2], len(c.yeardayscalendar(2024)), len(c.yeardays2calendar(2024, 4)))
tc = calendar.TextCalendar(calendar.WEDNESDAY)
print(tc.formatmonth(2024, 7), end='')
print(tc.formatyear(2023, 2, 1, 2, 4))
print(calendar.HTMLCalendar().formatmonth(2024, 2))
print(calendar.IllegalMonthError(13), calendar.IllegalWeekdayError(8), calendar.MONDAY, calendar.SUNDAY)
