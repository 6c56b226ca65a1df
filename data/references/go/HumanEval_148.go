package main

func Bf(planet1 string, planet2 string) []string {
	planets := []string{"Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn", "Uranus", "Neptune"}
	i1, i2 := -1, -1
	for i, p := range planets {
		if p == planet1 {
			i1 = i
		}
		if p == planet2 {
			i2 = i
		}
	}
	if i1 < 0 || i2 < 0 || i1 == i2 {
		return []string{}
	}
	if i1 > i2 {
		i1, i2 = i2, i1
	}
	return planets[i1+1 : i2]
}
