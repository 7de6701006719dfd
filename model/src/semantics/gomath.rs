//! The primitives behind `stdlib/math.go` (package math): the operations whose results Go
//! defines bit for bit (square root, floor, ceiling, truncation, remainder: IEEE 754's, the same
//! on every implementation) and `Pow` by Go's own algorithm (math/pow.go: `Frexp`, repeated
//! squaring, `Ldexp`), so that an integer power is the same value Go computes.
//!
//! Invariant: every primitive is a function of its operands' bits. `Exp` and `Log` (and `Pow`
//! with a fractional exponent, which uses them) come from the host's math library; Go's amd64
//! assembly for them may round a last bit differently (README "Limitations").

use crate::program::MathFn;

/// Applies a primitive to its operands (the second is ignored by the unary ones).
pub fn apply(op: MathFn, x: f64, y: f64) -> f64 {
    match op {
        MathFn::Sqrt => x.sqrt(),
        MathFn::Floor => x.floor(),
        MathFn::Ceil => x.ceil(),
        MathFn::Trunc => x.trunc(),
        // Go's Mod is C's fmod: the exact remainder with the sign of x (math/mod.go).
        MathFn::Mod => x % y,
        MathFn::Exp => x.exp(),
        MathFn::Log => x.ln(),
        MathFn::Pow => pow(x, y),
    }
}

/// `x` split into a fraction in [½, 1) and a power of two (math/frexp.go).
fn frexp(f: f64) -> (f64, i32) {
    if f == 0.0 || f.is_infinite() || f.is_nan() {
        return (f, 0);
    }
    let (f, mut exp) = normalize(f);
    let mut bits = f.to_bits();
    exp += ((bits >> 52) & 0x7ff) as i32 - 1023 + 1;
    bits &= !(0x7ff << 52);
    bits |= 1022 << 52;
    (f64::from_bits(bits), exp)
}

/// `frac × 2^exp` (math/ldexp.go), rounding a denormal result once.
fn ldexp(frac: f64, exp: i64) -> f64 {
    if frac == 0.0 || frac.is_infinite() || frac.is_nan() {
        return frac;
    }
    let (frac, e) = normalize(frac);
    let mut exp = exp + e as i64;
    let mut bits = frac.to_bits();
    exp += ((bits >> 52) & 0x7ff) as i64 - 1023;
    if exp < -1075 {
        return 0.0f64.copysign(frac);
    }
    if exp > 1023 {
        return f64::INFINITY.copysign(frac);
    }
    let mut m = 1.0;
    if exp < -1022 {
        exp += 53;
        m = 1.0 / (1u64 << 53) as f64;
    }
    bits &= !(0x7ff << 52);
    bits |= ((exp + 1023) as u64) << 52;
    m * f64::from_bits(bits)
}

/// A denormal scaled into the normal range, with the power of two that undoes it.
fn normalize(x: f64) -> (f64, i32) {
    const SMALLEST_NORMAL: f64 = 2.2250738585072014e-308;
    if x.abs() < SMALLEST_NORMAL {
        return (x * (1u64 << 52) as f64, -52);
    }
    (x, 0)
}

/// Whether `x` is an odd integer (math/pow.go's isOddInt).
fn is_odd_int(x: f64) -> bool {
    if x.abs() >= (1u64 << 53) as f64 {
        return false;
    }
    x.fract() == 0.0 && (x as i64) & 1 == 1
}

/// Go's `math.Pow`, case for case and step for step (math/pow.go).
fn pow(x: f64, y: f64) -> f64 {
    if y == 0.0 || x == 1.0 {
        return 1.0;
    }
    if y == 1.0 {
        return x;
    }
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == 0.0 {
        if y < 0.0 {
            return if is_odd_int(y) {
                f64::INFINITY.copysign(x)
            } else {
                f64::INFINITY
            };
        }
        return if is_odd_int(y) { x } else { 0.0 };
    }
    // A huge exponent (infinite, or an even integer past 2^63): 1, 0 or +Inf by |x|.
    let huge = || {
        if x == -1.0 {
            1.0
        } else if (x.abs() < 1.0) == (y > 0.0) {
            0.0
        } else {
            f64::INFINITY
        }
    };
    if y.is_infinite() {
        return huge();
    }
    if x.is_infinite() {
        if x < 0.0 {
            return pow(1.0 / x, -y);
        }
        return if y < 0.0 { 0.0 } else { f64::INFINITY };
    }
    if y == 0.5 {
        return x.sqrt();
    }
    if y == -0.5 {
        return 1.0 / x.sqrt();
    }
    let mut yi = y.abs().trunc();
    let mut yf = y.abs() - yi;
    if yf != 0.0 && x < 0.0 {
        return f64::NAN;
    }
    if yi >= (1u64 << 63) as f64 {
        return huge();
    }
    let mut a1 = 1.0;
    let mut ae: i64 = 0;
    if yf != 0.0 {
        if yf > 0.5 {
            yf -= 1.0;
            yi += 1.0;
        }
        a1 = (yf * x.ln()).exp();
    }
    let (mut x1, xe) = frexp(x);
    let mut xe = xe as i64;
    let mut i = yi as i64;
    while i != 0 {
        if !(-(1 << 12)..=(1 << 12)).contains(&xe) {
            ae += xe;
            break;
        }
        if i & 1 == 1 {
            a1 *= x1;
            ae += xe;
        }
        x1 *= x1;
        xe <<= 1;
        if x1 < 0.5 {
            x1 += x1;
            xe -= 1;
        }
        i >>= 1;
    }
    if y < 0.0 {
        a1 = 1.0 / a1;
        ae = -ae;
    }
    ldexp(a1, ae)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Powers whose exact values are known, and Go's special cases (math/pow.go's doc comment).
    #[test]
    fn pow_is_gos() {
        assert_eq!(pow(2.0, 10.0), 1024.0);
        assert_eq!(pow(2.0, -2.0), 0.25);
        assert_eq!(pow(1.5, 2.0), 2.25);
        assert_eq!(pow(10.0, 3.0), 1000.0);
        assert_eq!(pow(-2.0, 3.0), -8.0);
        assert_eq!(pow(4.0, 0.5), 2.0);
        assert!(pow(-8.0, 1.0 / 3.0).is_nan());
        assert_eq!(pow(0.0, -1.0), f64::INFINITY);
        assert_eq!(pow(-0.0, -3.0), f64::NEG_INFINITY);
        assert_eq!(pow(2.0, 2000.0), f64::INFINITY);
        assert_eq!(pow(2.0, -1074.0), 5e-324);
        assert_eq!(frexp(8.0), (0.5, 4));
        assert_eq!(ldexp(0.5, 4), 8.0);
    }
}
