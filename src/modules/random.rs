//! `_random`: the Mersenne Twister (MT19937) core that `stdlib/random.py`
//! builds on. Seeding follows CPython's `init_by_array`, so seeded scripts
//! produce CPython's sequences.

use super::def;
use crate::eval::Vm;
use crate::runtime::object::*;
use crate::runtime::value::Value;
use num_bigint::BigInt;
use std::cell::RefCell;
use std::rc::Rc;

const N: usize = 624;
const M: usize = 397;

pub struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    fn new() -> Mt {
        let mut mt = Mt { state: [0; N], index: N + 1 };
        mt.init_genrand(5489);
        mt
    }

    fn init_genrand(&mut self, seed: u32) {
        self.state[0] = seed;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1812433253u32.wrapping_mul(prev ^ (prev >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19650218);
        let (mut i, mut j) = (1usize, 0usize);
        let mt = &mut self.state;
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1664525)).wrapping_add(key[j]).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1566083941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            let mt = &mut self.state;
            for k in 0..N {
                let y = (mt[k] & 0x8000_0000) | (mt[(k + 1) % N] & 0x7fff_ffff);
                let mag = if y & 1 != 0 { 0x9908_b0df } else { 0 };
                mt[k] = mt[(k + M) % N] ^ (y >> 1) ^ mag;
            }
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// CPython's `random()`: 53 random bits as a float in [0, 1).
    fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    fn getrandbits(&mut self, k: u64) -> BigInt {
        if k <= 32 {
            return BigInt::from(self.next_u32() >> (32 - k));
        }
        let mut words = Vec::new();
        let mut left = k;
        while left > 0 {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            words.push(r);
            left = left.saturating_sub(32);
        }
        BigInt::from_slice(num_bigint::Sign::Plus, &words)
    }
}

pub fn init(vm: &Vm, d: &Dict) -> PyResult<()> {
    def(vm, d, "new_state", new_state);
    def(vm, d, "seed", seed);
    def(vm, d, "random", random);
    def(vm, d, "getrandbits", getrandbits);
    def(vm, d, "getstate", getstate);
    def(vm, d, "setstate", setstate);
    Ok(())
}

fn state<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a NativeObj> {
    match v {
        Value::Native(n) if n.data.borrow().is::<Mt>() => Ok(n),
        _ => Err(vm.type_error("expected a Mersenne Twister state")),
    }
}

fn with_mt<T>(vm: &Vm, v: &Value, f: impl FnOnce(&mut Mt) -> T) -> PyResult<T> {
    let n = state(vm, v)?;
    let mut data = n.data.borrow_mut();
    match data.downcast_mut::<Mt>() {
        Some(mt) => Ok(f(mt)),
        None => Err(vm.type_error("expected a Mersenne Twister state")),
    }
}

fn new_state(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::sig!("new_state", "").bind(vm, a, kw)?;
    Ok(Value::Native(Rc::new(NativeObj { class: vm.iterator_class("_random.state"), data: RefCell::new(Box::new(Mt::new())) })))
}

/// `seed(state, n)`: seeds from the absolute value of the int `n`, split
/// into 32-bit words, least significant first (CPython's `init_by_array`).
fn seed(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([state, n], []) = crate::sig!("seed", "state, n, /").bind(vm, a, kw)?;
    let n = crate::runtime::int::big(n).ok_or_else(|| vm.type_error("seed must be an int"))?;
    let (_, mut key) = n.to_u32_digits();
    if key.is_empty() {
        key.push(0);
    }
    with_mt(vm, state, |mt| mt.init_by_array(&key))?;
    Ok(Value::None)
}

fn random(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([state], []) = crate::sig!("random", "state, /").bind(vm, a, kw)?;
    Ok(Value::float(with_mt(vm, state, |mt| mt.random())?))
}

fn getrandbits(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([state, k], []) = crate::sig!("getrandbits", "state, k, /").bind(vm, a, kw)?;
    let k = vm.index_value(k)?;
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::Int(0));
    }
    Ok(Value::from_bigint(with_mt(vm, state, |mt| mt.getrandbits(k as u64))?))
}

fn getstate(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([state], []) = crate::sig!("getstate", "state, /").bind(vm, a, kw)?;
    let items = with_mt(vm, state, |mt| {
        let mut v: Vec<Value> = mt.state.iter().map(|&w| Value::Int(w as i64)).collect();
        v.push(Value::Int(mt.index as i64));
        v
    })?;
    Ok(Value::tuple(items))
}

fn setstate(vm: &Vm, a: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let ([state, items], []) = crate::sig!("setstate", "state, items, /").bind(vm, a, kw)?;
    let items = vm.collect(items)?;
    if items.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut words = [0u32; N];
    for (w, v) in words.iter_mut().zip(&items) {
        *w = vm.index_value(v)? as u32;
    }
    let index = vm.index_value(&items[N])?;
    if !(0..=N as i64).contains(&index) {
        return Err(vm.value_error("invalid state"));
    }
    with_mt(vm, state, |mt| {
        mt.state = words;
        mt.index = index as usize;
    })?;
    Ok(Value::None)
}
