//! A hasher for the scanner's key memo and the encoder's markers: short
//! keys and object ids, where SipHash's cost showed in profiles. Like
//! tulip's own str hash (also FNV), it is not keyed: a document whose keys
//! collide here collides in the dicts it decodes to anyway.

#[derive(Default)]
pub struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    /// FNV-1a over the bytes.
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0 ^ 0xcbf2_9ce4_8422_2325;
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }

    /// Object ids: addresses, spread by a multiplication.
    fn write_i64(&mut self, id: i64) {
        self.0 = (self.0 ^ id as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29);
    }
}
