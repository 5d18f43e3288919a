//! The inline shapes of the async path (`ir::Inline`): loops, `if`s and
//! `yield` statements of ordinary generator bodies and generator
//! expressions run in the future of the block that holds them.
//!
//! Async recursion needs a boxed future at every level of nesting, and a
//! loop's body block is entered once per iteration, so boxing each block
//! costs an allocation per item and a dynamic poll per level on every
//! resume. These functions nest a fixed number of levels (block > loop >
//! block > if > yield), so the compiler lays their futures out inline;
//! a statement of any other shape goes through `exec_block_suspending`.

use super::exec::Flow;
use super::{Frame, Vm};
use crate::compile::ir::{Expr, ExprKind, Inline, Stmt, StmtKind};
use crate::runtime::gc;
use crate::runtime::object::PyResult;

impl Vm {
    /// After one statement of a block: `None` to go on, or what the block
    /// ends with (an exception gets the frame's traceback entry).
    pub(super) fn block_end(&self, f: &Frame, flow: PyResult<Flow>) -> Option<PyResult<Flow>> {
        match flow {
            Ok(Flow::Normal) => None,
            Ok(other) => Some(Ok(other)),
            Err(e) => {
                self.add_traceback(&e, f);
                Some(Err(e))
            }
        }
    }

    /// A block whose suspending statements all have an inline shape.
    pub(super) async fn exec_block_inline(&self, f: &mut Frame, body: &[Stmt]) -> PyResult<Flow> {
        for s in body {
            let flow = match s.inline {
                _ if !s.suspends => self.exec_stmt(f, s),
                Inline::Loop => self.exec_loop_inline(f, s).await,
                _ => self.exec_simple(f, s).await,
            };
            if let Some(end) = self.block_end(f, flow) {
                return end;
            }
        }
        Ok(Flow::Normal)
    }

    /// A `for` or `while` whose body and `else` hold simple statements.
    async fn exec_loop_inline(&self, f: &mut Frame, s: &Stmt) -> PyResult<Flow> {
        f.line = s.line;
        match &s.kind {
            StmtKind::For(fs) => {
                let iterable = self.eval(f, &fs.iter)?;
                let mut items = self.loop_items(iterable)?;
                while let Some(item) = self.next_loop_item(&mut items)? {
                    gc::safe_point();
                    self.assign(f, &fs.target, item)?;
                    match self.exec_simple_block(f, &fs.body).await? {
                        Flow::Break => return Ok(Flow::Normal),
                        Flow::Return(v) => return Ok(Flow::Return(v)),
                        Flow::Normal | Flow::Continue => {}
                    }
                }
                self.exec_simple_block(f, &fs.orelse).await
            }
            StmtKind::While(test, body, orelse) => loop {
                gc::safe_point();
                if !self.eval_cond(f, test)? {
                    return self.exec_simple_block(f, orelse).await;
                }
                match self.exec_simple_block(f, body).await? {
                    Flow::Break => return Ok(Flow::Normal),
                    Flow::Return(v) => return Ok(Flow::Return(v)),
                    Flow::Normal | Flow::Continue => {}
                }
            },
            _ => self.exec_block_suspending(f, std::slice::from_ref(s)).await,
        }
    }

    /// A block of `If`, `Yield` and non-suspending statements.
    async fn exec_simple_block(&self, f: &mut Frame, body: &[Stmt]) -> PyResult<Flow> {
        for s in body {
            let flow = if s.suspends { self.exec_simple(f, s).await } else { self.exec_stmt(f, s) };
            if let Some(end) = self.block_end(f, flow) {
                return end;
            }
        }
        Ok(Flow::Normal)
    }

    /// A suspending simple statement: an `If` whose branches hold `Yield`
    /// and non-suspending statements, or a `Yield`.
    async fn exec_simple(&self, f: &mut Frame, s: &Stmt) -> PyResult<Flow> {
        match &s.kind {
            StmtKind::If(test, body, orelse) if s.inline == Inline::If => {
                f.line = s.line;
                let branch = if self.eval_cond(f, test)? { body } else { orelse };
                for s in branch {
                    let flow = if s.suspends { self.exec_leaf(f, s).await } else { self.exec_stmt(f, s) };
                    if let Some(end) = self.block_end(f, flow) {
                        return end;
                    }
                }
                Ok(Flow::Normal)
            }
            _ => self.exec_leaf(f, s).await,
        }
    }

    /// A `yield v` statement.
    async fn exec_leaf(&self, f: &mut Frame, s: &Stmt) -> PyResult<Flow> {
        match &s.kind {
            StmtKind::Expr(Expr { kind: ExprKind::Yield(v), .. }) if s.inline == Inline::Yield => {
                f.line = s.line;
                self.yield_stmt(f, v).await?;
                Ok(Flow::Normal)
            }
            _ => self.exec_block_suspending(f, std::slice::from_ref(s)).await,
        }
    }
}
