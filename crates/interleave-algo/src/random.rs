//! Python's `random` module bit for bit: the MT19937 generator of `_randommodule.c`, seeding
//! (`seed(int)`, `seed(str/bytes)` version 2 with SHA-512, hash seeds) and the `random.py`
//! methods built on it (`randrange`, `randint`, `choice`, `shuffle`, `sample`, `choices`,
//! `uniform`, `gauss`, `normalvariate`). Sequence methods work on indices; the VM maps them to
//! its objects.
//!
//! `gauss` and `normalvariate` use `ln`, `cos`, `sin`, `sqrt`, `exp`; on targets whose libm
//! differs from glibc's in the last bit their results may differ in the last bit too.

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use sha2::{Digest, Sha512};

use crate::error::{AlgoError, ErrorKind};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// A `random.Random` instance: MT19937 state plus `gauss`'s cached second value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyRandom {
    /// The Mersenne Twister state words.
    state: Vec<u32>,
    /// Next state word to temper; `N` means "regenerate first".
    index: usize,
    /// `gauss_next`: the spare value of the last `gauss` pair, stored as bits.
    gauss_next: Option<u64>,
}

impl PyRandom {
    /// `random.Random(seed)` for an int seed.
    pub fn from_int_seed(seed: &BigInt) -> Self {
        let mut r = PyRandom {
            state: vec![0; N],
            index: N,
            gauss_next: None,
        };
        r.seed_int(seed);
        r
    }

    /// `seed(n)` for an int: the absolute value's 32-bit words, least significant first.
    pub fn seed_int(&mut self, seed: &BigInt) {
        let mut key = seed.magnitude().to_u32_digits();
        if key.is_empty() {
            key.push(0);
        }
        self.init_by_array(&key);
        self.gauss_next = None;
    }

    /// `seed(s)` for `str` (pass its UTF-8 bytes), `bytes` or `bytearray`, version 2:
    /// `int.from_bytes(s + sha512(s).digest(), 'big')`.
    pub fn seed_bytes(&mut self, bytes: &[u8]) {
        let mut all = bytes.to_vec();
        all.extend_from_slice(&Sha512::digest(bytes));
        self.seed_int(&BigInt::from_bytes_be(Sign::Plus, &all));
    }

    /// `seed(x)` for other hashable seeds (floats): CPython seeds with `(size_t)hash(x)`.
    pub fn seed_hash(&mut self, hash: i64) {
        self.seed_int(&BigInt::from(hash as u64));
    }

    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
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
            mt[i] =
                (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    /// `getstate()`'s core: the 624 state words, then the index into them (CPython's
    /// `_random.Random.getstate`), and `gauss`'s cached value.
    pub fn state(&self) -> (Vec<u32>, usize, Option<f64>) {
        (self.state.clone(), self.index, self.gauss_next.map(f64::from_bits))
    }

    /// `setstate()`: restores what [`PyRandom::state`] returned. `words` must hold `N` words
    /// and `index` be at most `N`, else an error naming CPython's complaint.
    pub fn set_state(&mut self, words: &[u32], index: usize, gauss_next: Option<f64>) -> Result<(), AlgoError> {
        if words.len() != N {
            return Err(AlgoError::value("state vector is the wrong size"));
        }
        if index > N {
            return Err(AlgoError::value("invalid state"));
        }
        self.state = words.to_vec();
        self.index = index;
        self.gauss_next = gauss_next.map(f64::to_bits);
        Ok(())
    }

    /// `genrand_uint32`: the next tempered 32-bit output.
    pub fn next_u32(&mut self) -> u32 {
        let mag = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
        if self.index >= N {
            let mt = &mut self.state;
            for kk in 0..N - M {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag(y);
            }
            for kk in N - M..N - 1 {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag(y);
            }
            let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random()`: a float in [0.0, 1.0) with 53 random bits.
    pub fn random(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)`; `ValueError: number of bits must be non-negative` for `k < 0`.
    pub fn getrandbits(&mut self, k: i64) -> Result<BigInt, AlgoError> {
        if k < 0 {
            return Err(AlgoError::value("number of bits must be non-negative"));
        }
        if k <= 32 {
            if k == 0 {
                return Ok(BigInt::zero());
            }
            return Ok(BigInt::from(self.next_u32() >> (32 - k)));
        }
        let words = ((k - 1) / 32 + 1) as usize;
        let mut digits = Vec::with_capacity(words);
        let mut left = k;
        for _ in 0..words {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            digits.push(r);
            left -= 32;
        }
        Ok(BigInt::from_biguint(Sign::Plus, BigUint::new(digits)))
    }

    /// `_randbelow_with_getrandbits(n)` for `n > 0` (returns 0 for `n <= 0`).
    pub fn randbelow(&mut self, n: &BigInt) -> BigInt {
        if !n.is_positive() {
            return BigInt::zero();
        }
        let k = n.bits() as i64;
        loop {
            let r = self.getrandbits(k).unwrap_or_default();
            if &r < n {
                return r;
            }
        }
    }

    /// [`PyRandom::randbelow`] for a machine-sized bound.
    pub fn randbelow_usize(&mut self, n: usize) -> usize {
        self.randbelow(&BigInt::from(n)).to_usize().unwrap_or(0)
    }

    /// `randrange(start)` (`stop = None`) or `randrange(start, stop, step)` with int arguments.
    pub fn randrange(
        &mut self,
        start: &BigInt,
        stop: Option<&BigInt>,
        step: &BigInt,
    ) -> Result<BigInt, AlgoError> {
        let Some(stop) = stop else {
            if start.is_positive() {
                return Ok(self.randbelow(start));
            }
            return Err(AlgoError::value("empty range for randrange()"));
        };
        let width = stop - start;
        if step.is_one() {
            if width.is_positive() {
                return Ok(start + self.randbelow(&width));
            }
            return Err(AlgoError::value(format!(
                "empty range for randrange() ({start}, {stop}, {width})"
            )));
        }
        let n = if step.is_positive() {
            Integer::div_floor(&(&width + step - BigInt::one()), step)
        } else if step.is_negative() {
            Integer::div_floor(&(&width + step + BigInt::one()), step)
        } else {
            return Err(AlgoError::value("zero step for randrange()"));
        };
        if !n.is_positive() {
            return Err(AlgoError::value("empty range for randrange()"));
        }
        Ok(start + step * self.randbelow(&n))
    }

    /// `randint(a, b)`: `randrange(a, b + 1)`.
    pub fn randint(&mut self, a: &BigInt, b: &BigInt) -> Result<BigInt, AlgoError> {
        self.randrange(a, Some(&(b + 1)), &BigInt::one())
    }

    /// `choice(seq)` for a sequence of `len` items: the chosen index.
    pub fn choice(&mut self, len: usize) -> Result<usize, AlgoError> {
        if len == 0 {
            return Err(AlgoError::new(
                ErrorKind::IndexError,
                "Cannot choose from an empty sequence",
            ));
        }
        Ok(self.randbelow_usize(len))
    }

    /// `shuffle(x)` in place.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.randbelow_usize(i + 1);
            items.swap(i, j);
        }
    }

    /// `sample(population, k)` for a population of `n`: the chosen indices in selection order.
    pub fn sample(&mut self, n: usize, k: i64) -> Result<Vec<usize>, AlgoError> {
        let k = usize::try_from(k)
            .ok()
            .filter(|&k| k <= n)
            .ok_or_else(|| AlgoError::value("Sample larger than population or is negative"))?;
        let mut setsize: u128 = 21;
        if k > 5 {
            // 4 ** ceil(log(3k, 4)); 3k is never a power of 4, so the integer form is exact.
            let target = 3 * k as u128;
            let mut power: u128 = 1;
            while power < target {
                power *= 4;
            }
            setsize += power;
        }
        let mut result = Vec::with_capacity(k);
        if n as u128 <= setsize {
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = self.randbelow_usize(n - i);
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = std::collections::BTreeSet::new();
            for _ in 0..k {
                let mut j = self.randbelow_usize(n);
                while selected.contains(&j) {
                    j = self.randbelow_usize(n);
                }
                selected.insert(j);
                result.push(j);
            }
        }
        Ok(result)
    }

    /// `choices(population, k=k)` without weights: indices `floor(random() * n)`.
    pub fn choices(&mut self, n: usize, k: usize) -> Vec<usize> {
        let nf = n as f64;
        (0..k)
            .map(|_| (self.random() * nf).floor() as usize)
            .collect()
    }

    /// `choices(population, cum_weights=cum, k=k)` (for `weights=`, pass their running sums).
    pub fn choices_cumulative(
        &mut self,
        cum_weights: &[f64],
        k: usize,
    ) -> Result<Vec<usize>, AlgoError> {
        let Some(&last) = cum_weights.last() else {
            return Err(AlgoError::new(
                ErrorKind::IndexError,
                "list index out of range",
            ));
        };
        let total = last + 0.0;
        if total <= 0.0 {
            return Err(AlgoError::value(
                "Total of weights must be greater than zero",
            ));
        }
        if !total.is_finite() {
            return Err(AlgoError::value("Total of weights must be finite"));
        }
        let hi = cum_weights.len() - 1;
        Ok((0..k)
            .map(|_| {
                let x = self.random() * total;
                cum_weights[..hi].partition_point(|&w| w <= x)
            })
            .collect())
    }

    /// `uniform(a, b)`: `a + (b - a) * random()`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `gauss(mu, sigma)` (Box–Muller with a cached second value).
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(bits) => f64::from_bits(bits),
            None => {
                let x2pi = self.random() * (2.0 * std::f64::consts::PI);
                let g2rad = (-2.0 * (1.0 - self.random()).ln()).sqrt();
                self.gauss_next = Some((x2pi.sin() * g2rad).to_bits());
                x2pi.cos() * g2rad
            }
        };
        mu + z * sigma
    }

    /// `normalvariate(mu, sigma)` (Kinderman–Monahan).
    pub fn normalvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        let magic = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
        loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = magic * (u1 - 0.5) / u2;
            if z * z / 4.0 <= -u2.ln() {
                return mu + z * sigma;
            }
        }
    }
}
