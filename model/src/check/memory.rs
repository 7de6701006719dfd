//! The process's memory, for `--max-memory`: read from Linux's `/proc`, where the explorer (which
//! does no I/O) cannot look. Elsewhere nothing is read and the bound is not applied.

/// The resident memory of this process in bytes (`VmRSS` of `/proc/self/status`).
pub fn resident_bytes() -> Option<u64> {
    kib_field(
        &std::fs::read_to_string("/proc/self/status").ok()?,
        "VmRSS:",
    )
}

/// The peak resident memory of this process in bytes (`VmHWM` of `/proc/self/status`).
pub fn peak_resident_bytes() -> Option<u64> {
    kib_field(
        &std::fs::read_to_string("/proc/self/status").ok()?,
        "VmHWM:",
    )
}

/// The default `--max-memory`: three quarters of the machine's memory (`MemTotal` of
/// `/proc/meminfo`), so that a search of an unbounded model ends with a report, not the kernel's
/// out-of-memory killer.
pub fn default_memory_limit() -> Option<u64> {
    let total = kib_field(&std::fs::read_to_string("/proc/meminfo").ok()?, "MemTotal:")?;
    Some(total / 4 * 3)
}

/// The value of a `Name:   1234 kB` line, in bytes.
fn kib_field(text: &str, name: &str) -> Option<u64> {
    let line = text.lines().find(|line| line.starts_with(name))?;
    let kib: u64 = line[name.len()..].split_whitespace().next()?.parse().ok()?;
    Some(kib * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kib_field_is_read_in_bytes() {
        let status = "Name:\tgomc\nVmRSS:\t    2048 kB\nThreads:\t1\n";
        assert_eq!(kib_field(status, "VmRSS:"), Some(2 << 20));
        assert_eq!(kib_field(status, "VmSwap:"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn this_process_has_resident_memory_below_the_machine_total() {
        let resident = resident_bytes().expect("Linux has /proc/self/status");
        let limit = default_memory_limit().expect("Linux has /proc/meminfo");
        assert!(
            resident > 0 && resident < limit / 3 * 4,
            "{resident} of {limit}"
        );
    }
}
