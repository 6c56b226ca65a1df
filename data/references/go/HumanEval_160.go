package main

import (
	"strconv"
	"strings"
)

// algebraParser evaluates the expression the Python builds and passes to eval():
// integers with +, -, *, //, ** and unary signs, using Python's precedence
// (** binds tighter than unary minus on its left and is right-associative).
type algebraParser struct {
	tokens []string
	pos    int
}

func (p *algebraParser) peek() string {
	if p.pos < len(p.tokens) {
		return p.tokens[p.pos]
	}
	return ""
}

func (p *algebraParser) next() string {
	t := p.peek()
	p.pos++
	return t
}

func (p *algebraParser) sum() int {
	value := p.term()
	for p.peek() == "+" || p.peek() == "-" {
		if p.next() == "+" {
			value += p.term()
		} else {
			value -= p.term()
		}
	}
	return value
}

func (p *algebraParser) term() int {
	value := p.factor()
	for p.peek() == "*" || p.peek() == "//" {
		if p.next() == "*" {
			value *= p.factor()
		} else {
			value = algebraFloorDiv(value, p.factor())
		}
	}
	return value
}

func (p *algebraParser) factor() int {
	switch p.peek() {
	case "+":
		p.next()
		return p.factor()
	case "-":
		p.next()
		return -p.factor()
	}
	return p.power()
}

func (p *algebraParser) power() int {
	base, err := strconv.Atoi(p.next())
	if err != nil {
		panic("invalid expression")
	}
	if p.peek() == "**" {
		p.next()
		return algebraPow(base, p.factor())
	}
	return base
}

func algebraFloorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func algebraPow(base, exp int) int {
	result := 1
	for i := 0; i < exp; i++ {
		result *= base
	}
	return result
}

func algebraTokens(expr string) []string {
	tokens := []string{}
	for i := 0; i < len(expr); {
		c := expr[i]
		switch {
		case c >= '0' && c <= '9':
			j := i
			for j < len(expr) && expr[j] >= '0' && expr[j] <= '9' {
				j++
			}
			tokens = append(tokens, expr[i:j])
			i = j
		case strings.HasPrefix(expr[i:], "**") || strings.HasPrefix(expr[i:], "//"):
			tokens = append(tokens, expr[i:i+2])
			i += 2
		default:
			tokens = append(tokens, expr[i:i+1])
			i++
		}
	}
	return tokens
}

func DoAlgebra(operator []string, operand []int) int {
	var expr strings.Builder
	expr.WriteString(strconv.Itoa(operand[0]))
	for i, op := range operator {
		if i+1 >= len(operand) {
			break
		}
		expr.WriteString(op)
		expr.WriteString(strconv.Itoa(operand[i+1]))
	}
	p := &algebraParser{tokens: algebraTokens(expr.String())}
	result := p.sum()
	if p.pos != len(p.tokens) {
		panic("invalid expression")
	}
	return result
}
