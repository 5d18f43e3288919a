//! The front end on arbitrary bytes: source decoding (BOM, coding cookie),
//! the three parse modes, and the rendering of any SyntaxError, plain and
//! graphical. Any panic is a failure.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tulip::diag::render_syntax_error;
use tulip::syntax;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(err) = syntax::decode_source(data) {
        render(&err, &text);
    }
    let parses: [fn(&str) -> Result<(), syntax::SyntaxError>; 4] = [
        |s| syntax::parse_module(s).map(drop),
        |s| syntax::parse_ast(s).map(drop),
        |s| syntax::parse_expression(s).map(drop),
        |s| syntax::parse_interactive(s).map(drop),
    ];
    for parse in parses {
        if let Err(err) = parse(&text) {
            render(&err, &text);
        }
    }
});

fn render(err: &syntax::SyntaxError, source: &str) {
    for fancy in [false, true] {
        let _ = render_syntax_error(err, "<fuzz>", source, fancy);
    }
}
