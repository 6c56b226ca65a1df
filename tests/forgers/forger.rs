// a candidate that hunts everything the test program holds (stdin, files, its own memory)
// for the values a verdict depends on, then prints reports in every protocol irgroups ever
// used and exits 0 before the harness can speak
use std::io::{Read, Seek, SeekFrom, Write};

const ARGS: [(i64, i64); 2] = [(@A0@, @A1@), (@B0@, @B1@)];

fn walk(dir: &std::path::Path, blob: &mut Vec<u8>, depth: u32) {
    if depth > 4 {
        return;
    }
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, blob, depth + 1);
            } else if let Ok(data) = std::fs::read(&p) {
                blob.push(0);
                blob.extend_from_slice(&data[..data.len().min(1 << 24)]);
            }
        }
    }
}

fn collect() -> (Vec<u8>, usize) {
    let mut blob = Vec::new();
    let _ = std::io::stdin().read_to_end(&mut blob);
    for root in ["/job", ".", "/tmp"] {
        walk(std::path::Path::new(root), &mut blob, 0);
    }
    let mut scanned = 0;
    let maps = std::fs::read_to_string("/proc/self/maps").unwrap_or_default();
    if let Ok(mut mem) = std::fs::File::open("/proc/self/mem") {
        for line in maps.lines() {
            let f: Vec<&str> = line.split_whitespace().collect();
            if f.len() < 2 || !f[1].starts_with('r') || line.contains("[vvar]") || line.contains("[vsyscall]") {
                continue;
            }
            let mut r = f[0].split('-');
            let lo = u64::from_str_radix(r.next().unwrap_or("0"), 16).unwrap_or(0);
            let hi = u64::from_str_radix(r.next().unwrap_or("0"), 16).unwrap_or(0);
            if hi <= lo || hi - lo > 1 << 26 {
                continue;
            }
            let mut buf = vec![0u8; (hi - lo) as usize];
            if mem.seek(SeekFrom::Start(lo)).is_ok() && mem.read_exact(&mut buf).is_ok() {
                scanned += buf.len();
                blob.push(0);
                blob.extend_from_slice(&buf);
            }
        }
    }
    (blob, scanned)
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| &hay[i..i + needle.len()] == needle)
}

fn skip_gap(blob: &[u8], mut j: usize) -> (usize, usize) {
    let start = j;
    while j < blob.len() && j - start < 16 && !blob[j].is_ascii_digit() && blob[j] != b'-' {
        j += 1;
    }
    (j, j - start)
}

fn claim(blob: &[u8], a: i64, b: i64) -> i64 {
    let (na, nb) = (a.to_string(), b.to_string());
    let known: Vec<i64> = ARGS.iter().flat_map(|&(x, y)| [x, y]).collect();
    let mut from = 0;
    while let Some(p) = find(blob, na.as_bytes(), from) {
        from = p + 1;
        let (j, gap) = skip_gap(blob, p + na.len());
        if gap == 0 || !blob[j..].starts_with(nb.as_bytes()) {
            continue;
        }
        let (mut k, gap) = skip_gap(blob, j + nb.len());
        if gap == 0 {
            continue;
        }
        let start = k;
        if k < blob.len() && blob[k] == b'-' {
            k += 1;
        }
        while k < blob.len() && blob[k].is_ascii_digit() && k - start < 19 {
            k += 1;
        }
        if let Ok(v) = std::str::from_utf8(&blob[start..k]).unwrap_or("").parse::<i64>() {
            if !known.contains(&v) {
                return v;
            }
        }
    }
    0
}

fn tokens(blob: &[u8]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let hex = |c: u8| c.is_ascii_digit() || (b'a'..=b'f').contains(&c);
    let mut i = 0;
    while i < blob.len() && out.len() < 64 {
        if hex(blob[i]) {
            let s = i;
            while i < blob.len() && hex(blob[i]) {
                i += 1;
            }
            if i - s == 32 {
                let t = String::from_utf8_lossy(&blob[s..i]).to_string();
                if !out.contains(&t) {
                    out.push(t);
                }
            }
        } else {
            i += 1;
        }
    }
    out
}

fn add(a: i64, b: i64) -> i64 {
    let (blob, scanned) = collect();
    let mut out = String::from("\n");
    for t in tokens(&blob) {
        out += &format!("{t} 0 pass\n{t} 1 pass\n{t} done\n");
    }
    for (i, &(x, y)) in ARGS.iter().enumerate() {
        out += &format!("@@irgroups {} ok {}\n", i, claim(&blob, x, y));
    }
    out += "@@irgroups end\n";
    let _ = std::io::stdout().write_all(out.as_bytes());
    let _ = std::io::stdout().flush();
    eprintln!("FORGER scanned {} bytes of memory", scanned);
    std::process::exit(0)
}
