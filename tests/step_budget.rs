//! `Interpreter::set_step_budget`: a program that would loop forever ends
//! with RuntimeError once its calls and loop iterations are spent, even if
//! it catches the error; lifting the budget lets programs run unbounded.
//! (One test: the budget is per process.)

use tulip::{Interpreter, ScriptError};

fn last_line(result: Result<(), ScriptError>) -> String {
    match result {
        Err(ScriptError::Exception(text)) => text.lines().last().unwrap_or_default().to_owned(),
        other => format!("{other:?}"),
    }
}

#[test]
fn a_spent_budget_ends_the_program() {
    let interp = Interpreter::new();
    interp.set_step_budget(Some(10_000));
    assert_eq!(last_line(interp.run_source("while True:\n    pass\n", "<loop>")), "RuntimeError: step budget exhausted");

    interp.set_step_budget(Some(10_000));
    let stubborn = "def f():\n    try:\n        f()\n    except BaseException:\n        f()\nwhile True:\n    try:\n        f()\n    except BaseException:\n        pass\n";
    assert_eq!(last_line(interp.run_source(stubborn, "<stubborn>")), "RuntimeError: step budget exhausted");

    // Native loops the script sizes spend the budget too.
    for native in ["sum(range(2**62))", "import math\nmath.comb(2**40, 2**30)", "max(zip(range(2**62)))"] {
        interp.set_step_budget(Some(10_000));
        assert_eq!(last_line(interp.run_source(native, "<native>")), "RuntimeError: step budget exhausted", "{native}");
    }

    interp.set_step_budget(Some(10_000));
    assert!(interp.run_source("n = 0\nfor i in range(1000):\n    n += i\nassert n == 499500\n", "<small>").is_ok());

    interp.set_step_budget(None);
    assert!(interp.run_source("for i in range(100_000):\n    pass\n", "<unbounded>").is_ok());
}
