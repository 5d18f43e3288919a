# html: escape and unescape, with every kind of character reference.
import html
import html.entities

print(html.escape('<a href="x">Tom & Jerry\'s</a>'), html.escape('<"\'>', quote=False))
for s in ['&amp;&lt;&gt;&quot;&#39;', '&copy; &COPY &copy', '&#65;&#x42;&#X43;&#68', '&#0;&#13;&#128;&#150;&#159;',
          '&#1;&#11;&#127;&#xFFFE;&#x10FFFF;&#xD800;&#x110000;', '&notit; &notin; &noti', '&ampx &amp;x &zzzz; & alone',
          '&#;&#x;&;', 'no refs', '&NotNestedGreaterGreater;', '&acE;', '&lang;&rang;']:
    print(repr(s), repr(html.unescape(s)))
print(len(html.entities.html5), html.entities.name2codepoint['amp'], html.entities.codepoint2name[60],
      html.entities.entitydefs['nbsp'] == '\xa0', html.entities.name2codepoint['lang'], len(html.entities.name2codepoint))
