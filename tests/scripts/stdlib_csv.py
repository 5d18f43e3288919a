# csv: reading and writing with every dialect parameter, DictReader and
# DictWriter, dialect registration, and the errors.
import csv
import io


def attempt(f, *args, **kw):
    try:
        print('ok', repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)


def read(text, **kw):
    return list(csv.reader(io.StringIO(text, newline=''), **kw))


samples = [
    'a,b,c\r\n1,2,3\r\n',
    'a,"b,c",d\n"x ""quoted"" y",2\n',
    '"multi\nline",z\n',
    'empty,,fields,\n,\n\n',
    ' spaced , "q" ,x\n',
    'a;b;c\n',
    'no newline at end',
    '"unterminated\n',
    'a,"b"c,d\n',
    'esc\\,aped,x\\\ny\n',
    '1,2.5,"three"\n',
    '"ab"  ,c\n',
]
for text in samples:
    attempt(read, text)
    attempt(read, text, delimiter=';')
    attempt(read, text, skipinitialspace=True)
    attempt(read, text, escapechar='\\')
    attempt(read, text, quoting=csv.QUOTE_NONE)
    attempt(read, text, strict=True)
    attempt(read, text, doublequote=False, escapechar='\\')
attempt(read, '1,2.5,-3e2\n', quoting=csv.QUOTE_NONNUMERIC)
attempt(read, '1,abc\n', quoting=csv.QUOTE_NONNUMERIC)
attempt(read, "'a,b',c\n", quotechar="'")
attempt(read, 'a\tb\n', dialect='excel-tab')
attempt(lambda: list(csv.reader(['a,b\rc,d'])))
attempt(lambda: list(csv.reader(['a\0b'])))
attempt(lambda: list(csv.reader([b'bytes'])))
attempt(lambda: list(csv.reader(['a,b', 'c,"d', 'e"', ''])))
r = csv.reader(['x,y', '', '"1', '2",3'])
print([row for row in r], r.line_num, r.dialect.delimiter)


def write(rows, **kw):
    out = io.StringIO()
    w = csv.writer(out, **kw)
    results = [w.writerow(row) for row in rows]
    return out.getvalue(), results


rows = [['a', 'b c', 'd,e'], ['quote"inside', 'new\nline', ''], [1, 2.5, None, True, 1e20, 0.1],
        [''], [], ['  lead', 'tail  '], ('tuple', 'row'), ['car\rriage']]
for kw in [{}, {'quoting': csv.QUOTE_ALL}, {'quoting': csv.QUOTE_NONNUMERIC},
           {'quoting': csv.QUOTE_NONE, 'escapechar': '\\'}, {'delimiter': ';', 'lineterminator': '\n'},
           {'doublequote': False, 'escapechar': '\\'}, {'quotechar': "'"}, {'dialect': 'unix'},
           {'dialect': 'excel-tab'}]:
    for row in rows:
        attempt(write, [row], **kw)
attempt(write, [['a"b']], doublequote=False)
attempt(write, [['a,b']], quoting=csv.QUOTE_NONE)
attempt(write, [['']], quoting=csv.QUOTE_NONE)
attempt(write, [5])
out = io.StringIO()
csv.writer(out).writerows([[1, 2], [3, 4]])
print(repr(out.getvalue()))

for bad in [dict(delimiter=''), dict(delimiter='ab'), dict(delimiter=1), dict(quotechar='ab'),
            dict(quotechar=None), dict(quotechar=None, quoting=csv.QUOTE_ALL), dict(quoting=9), dict(quoting='x'), dict(escapechar=5),
            dict(lineterminator=5), dict(bogus=1), dict(dialect='nope')]:
    attempt(lambda: type(csv.reader([], **bad)).__name__)
attempt(csv.writer, 5)

csv.register_dialect('pipes', delimiter='|', quoting=csv.QUOTE_ALL)
d = csv.get_dialect('pipes')
print(d.delimiter, d.quotechar, d.quoting, d.doublequote, d.escapechar, repr(d.lineterminator), d.skipinitialspace, d.strict)
print(sorted(csv.list_dialects()))
attempt(write, [['a', 'b']], dialect='pipes')
csv.unregister_dialect('pipes')
attempt(csv.unregister_dialect, 'pipes')
attempt(csv.get_dialect, 'pipes')
attempt(setattr, d, 'delimiter', ';')


class Semi(csv.excel):
    delimiter = ';'


attempt(read, 'a;b\n', dialect=Semi)
attempt(write, [['a;b', 'c']], dialect=Semi())
print(csv.excel.delimiter, csv.excel_tab.delimiter, repr(csv.unix_dialect.lineterminator), csv.QUOTE_MINIMAL,
      csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE)

text = 'name,age,city\r\nAnn,30,Oslo\r\nBob,25\r\n\r\nCid,40,Rome,extra\r\n'
dr = csv.DictReader(io.StringIO(text, newline=''))
print(dr.fieldnames)
for row in dr:
    print(row, dr.line_num)
dr = csv.DictReader(io.StringIO(text, newline=''), fieldnames=['n', 'a'], restkey='more', restval='?')
print(list(dr))
print(list(csv.DictReader(io.StringIO(''))), csv.DictReader(io.StringIO('')).fieldnames)

out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=['name', 'age'], restval='-')
print(dw.writeheader())
dw.writerow({'name': 'Ann', 'age': 30})
dw.writerow({'name': 'Bob'})
dw.writerows([{'age': 1}, {'name': 'x,y'}])
print(repr(out.getvalue()))
attempt(dw.writerow, {'name': 'A', 'zip': 1})
dw2 = csv.DictWriter(io.StringIO(), ['a'], extrasaction='ignore')
print(dw2.writerow({'a': 1, 'b': 2}))
attempt(csv.DictWriter, io.StringIO(), ['a'], extrasaction='bad')
print(csv.field_size_limit(), csv.field_size_limit(10), csv.field_size_limit())
attempt(read, 'x' * 11 + '\n')
csv.field_size_limit(131072)
print(issubclass(csv.Error, Exception), csv.Error.__module__)
sniffed = csv.Sniffer().sniff('a;b;c\n1;2;3\n4;5;6\n')
print(sniffed.delimiter, csv.Sniffer().has_header('name,age\nann,30\nbob,25\n'))
