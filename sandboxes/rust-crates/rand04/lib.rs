//! The part of the rand 0.4 API that programs written for HumanEval-X's Rust harness use (its
//! Cargo.toml asks for rand = "0.4"), implemented on top of rand 0.8, the only rand Debian
//! packages: `thread_rng()`, `random()`, the `Rng` trait with 0.4's methods (`gen_range(low, high)`
//! takes two bounds, as in 0.4; 0.8's one-range form does not compile here either), `sample`, and
//! `distributions::{Range, IndependentSample, Sample}`. The numbers drawn are not 0.4's.

use rand08::distributions::uniform::SampleUniform;
use rand08::distributions::{Distribution, Standard};
use rand08::seq::SliceRandom;
use std::marker::PhantomData;

pub use rand08::rngs::ThreadRng;
pub use rand08::RngCore;

/// A random number generator, with the methods rand 0.4's `Rng` had.
pub trait Rng: RngCore {
    fn next_u32(&mut self) -> u32 {
        RngCore::next_u32(self)
    }

    fn next_u64(&mut self) -> u64 {
        RngCore::next_u64(self)
    }

    /// A value in [0, 1).
    fn next_f32(&mut self) -> f32 {
        rand08::Rng::gen(self)
    }

    /// A value in [0, 1).
    fn next_f64(&mut self) -> f64 {
        rand08::Rng::gen(self)
    }

    fn fill_bytes(&mut self, dest: &mut [u8]) {
        RngCore::fill_bytes(self, dest)
    }

    fn gen<T>(&mut self) -> T
    where
        Standard: Distribution<T>,
        Self: Sized,
    {
        rand08::Rng::gen(self)
    }

    fn gen_iter<T>(&mut self) -> Generator<'_, T, Self>
    where
        Standard: Distribution<T>,
        Self: Sized,
    {
        Generator { rng: self, _marker: PhantomData }
    }

    /// A value in [low, high); panics if low >= high.
    fn gen_range<T: PartialOrd + SampleUniform>(&mut self, low: T, high: T) -> T
    where
        Self: Sized,
    {
        assert!(low < high, "Rng.gen_range called with low >= high");
        rand08::Rng::gen_range(self, low..high)
    }

    /// true with probability 1/n.
    fn gen_weighted_bool(&mut self, n: u32) -> bool
    where
        Self: Sized,
    {
        n <= 1 || self.gen_range(0, n) == 0
    }

    fn gen_ascii_chars(&mut self) -> AsciiGenerator<'_, Self>
    where
        Self: Sized,
    {
        AsciiGenerator { rng: self }
    }

    fn choose<'a, T>(&mut self, values: &'a [T]) -> Option<&'a T>
    where
        Self: Sized,
    {
        values.choose(self)
    }

    fn choose_mut<'a, T>(&mut self, values: &'a mut [T]) -> Option<&'a mut T>
    where
        Self: Sized,
    {
        values.choose_mut(self)
    }

    fn shuffle<T>(&mut self, values: &mut [T])
    where
        Self: Sized,
    {
        values.shuffle(self)
    }
}

impl<R: RngCore + ?Sized> Rng for R {}

/// Endless random values of type T (`Rng::gen_iter`).
pub struct Generator<'a, T, R: 'a> {
    rng: &'a mut R,
    _marker: PhantomData<fn() -> T>,
}

impl<'a, T, R: Rng> Iterator for Generator<'a, T, R>
where
    Standard: Distribution<T>,
{
    type Item = T;

    fn next(&mut self) -> Option<T> {
        Some(self.rng.gen())
    }
}

/// Endless random characters from [a-zA-Z0-9] (`Rng::gen_ascii_chars`).
pub struct AsciiGenerator<'a, R: 'a> {
    rng: &'a mut R,
}

impl<'a, R: Rng> Iterator for AsciiGenerator<'a, R> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        const CHARSET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        Some(*self.rng.choose(CHARSET).unwrap() as char)
    }
}

/// The thread's generator.
pub fn thread_rng() -> ThreadRng {
    rand08::thread_rng()
}

/// A random value from the thread's generator.
pub fn random<T>() -> T
where
    Standard: Distribution<T>,
{
    rand08::random()
}

/// `amount` elements of `iterable`, chosen at random (all of them if it has fewer), in no set order.
pub fn sample<T, I, R>(rng: &mut R, iterable: I, amount: usize) -> Vec<T>
where
    I: IntoIterator<Item = T>,
    R: Rng,
{
    let mut iter = iterable.into_iter();
    let mut reservoir: Vec<T> = iter.by_ref().take(amount).collect();
    if reservoir.len() == amount {
        for (i, elem) in iter.enumerate() {
            let k = rng.gen_range(0, i + 1 + amount);
            if let Some(spot) = reservoir.get_mut(k) {
                *spot = elem;
            }
        }
    }
    reservoir
}

pub mod distributions {
    //! rand 0.4's `Range` and the traits to draw from it.
    use super::Rng;
    use rand08::distributions::uniform::SampleUniform;

    pub trait Sample<Support> {
        fn sample<R: Rng>(&mut self, rng: &mut R) -> Support;
    }

    pub trait IndependentSample<Support>: Sample<Support> {
        fn ind_sample<R: Rng>(&self, rng: &mut R) -> Support;
    }

    /// Values uniformly in [low, high).
    #[derive(Clone, Copy, Debug)]
    pub struct Range<X> {
        low: X,
        high: X,
    }

    impl<X: PartialOrd + SampleUniform + Clone> Range<X> {
        /// Panics if low >= high.
        pub fn new(low: X, high: X) -> Range<X> {
            assert!(low < high, "Range::new called with `low >= high`");
            Range { low, high }
        }
    }

    impl<X: PartialOrd + SampleUniform + Clone> Sample<X> for Range<X> {
        fn sample<R: Rng>(&mut self, rng: &mut R) -> X {
            self.ind_sample(rng)
        }
    }

    impl<X: PartialOrd + SampleUniform + Clone> IndependentSample<X> for Range<X> {
        fn ind_sample<R: Rng>(&self, rng: &mut R) -> X {
            rng.gen_range(self.low.clone(), self.high.clone())
        }
    }
}
