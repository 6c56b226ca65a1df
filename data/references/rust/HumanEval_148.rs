fn bf(planet1: String, planet2: String) -> Vec<String> {
    let planets = ["Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune"];
    let i1 = planets.iter().position(|&p| p == planet1);
    let i2 = planets.iter().position(|&p| p == planet2);
    let (i1, i2) = match (i1, i2) {
        (Some(a), Some(b)) if a != b => (a, b),
        _ => return Vec::new(),
    };
    let (lo, hi) = if i1 < i2 { (i1, i2) } else { (i2, i1) };
    planets[lo + 1..hi].iter().map(|p| p.to_string()).collect()
}
