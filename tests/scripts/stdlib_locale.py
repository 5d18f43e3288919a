# locale: categories, setlocale/getlocale in the C and C.UTF-8 locales, the C conventions.
import locale

print(locale.setlocale(locale.LC_ALL, 'C'), locale.getlocale(), locale.getlocale(locale.LC_NUMERIC))
print(locale.setlocale(locale.LC_CTYPE, 'C.UTF-8'), locale.getlocale())
print(locale.setlocale(locale.LC_ALL))
try:
    locale.getlocale(locale.LC_ALL)
except TypeError as e:
    print('TypeError', e)
print(locale.setlocale(locale.LC_ALL, 'C.UTF-8'), locale.getlocale(locale.LC_ALL), locale.setlocale(locale.LC_TIME))
print(locale.setlocale(locale.LC_ALL, 'POSIX'), locale.setlocale(locale.LC_ALL))
try:
    locale.setlocale(locale.LC_ALL, 'xx_YY')
except locale.Error as e:
    print(repr(e), issubclass(locale.Error, Exception))
print(locale.getpreferredencoding(), locale.getencoding())
print(locale.localeconv())
print(locale.LC_CTYPE, locale.LC_COLLATE, locale.LC_TIME, locale.LC_MONETARY, locale.LC_NUMERIC, locale.LC_ALL, locale.LC_MESSAGES, locale.CHAR_MAX)
print(locale.format_string('%.2f and %d', (1234.5, 1000), grouping=True), locale.atof('1.5'), locale.atoi('42'), locale.str(1.25), locale.str(1 / 3))
try:
    locale.currency(5)
except ValueError as e:
    print(e)
print(locale.strcoll('a', 'b'), locale.strcoll('b', 'b'), locale.strxfrm('abc'), sorted(['b', 'a', 'C'], key=locale.strxfrm))
print(locale.normalize('C'), locale.delocalize('1.5'), locale.localize('1.5'))
