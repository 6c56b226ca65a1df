#[derive(Clone, Copy, PartialEq)]
enum Token {
    Num(i64),
    Plus,
    Minus,
    Star,
    Pow,
    FloorDiv,
}

fn tokenize(expression: &str) -> Vec<Token> {
    let chars: Vec<char> = expression.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c.is_ascii_digit() {
            let mut value: i64 = 0;
            while i < chars.len() && chars[i].is_ascii_digit() {
                value = value * 10 + chars[i].to_digit(10).unwrap() as i64;
                i += 1;
            }
            tokens.push(Token::Num(value));
            continue;
        }
        match (c, next) {
            ('*', Some('*')) => {
                tokens.push(Token::Pow);
                i += 1;
            }
            ('/', Some('/')) => {
                tokens.push(Token::FloorDiv);
                i += 1;
            }
            ('*', _) => tokens.push(Token::Star),
            ('+', _) => tokens.push(Token::Plus),
            ('-', _) => tokens.push(Token::Minus),
            _ => panic!("unsupported character {:?}", c),
        }
        i += 1;
    }
    tokens
}

fn floor_div(a: i64, b: i64) -> i64 {
    let q = a / b;
    if a % b != 0 && (a < 0) != (b < 0) {
        q - 1
    } else {
        q
    }
}

// A small recursive-descent evaluator following Python's precedence:
// '+'/'-' < '*'/'//' < unary '+'/'-' < '**' (right-associative).
struct Parser {
    tokens: Vec<Token>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<Token> {
        self.tokens.get(self.pos).copied()
    }

    fn sum(&mut self) -> i64 {
        let mut value = self.product();
        loop {
            match self.peek() {
                Some(Token::Plus) => {
                    self.pos += 1;
                    value += self.product();
                }
                Some(Token::Minus) => {
                    self.pos += 1;
                    value -= self.product();
                }
                _ => return value,
            }
        }
    }

    fn product(&mut self) -> i64 {
        let mut value = self.unary();
        loop {
            match self.peek() {
                Some(Token::Star) => {
                    self.pos += 1;
                    value *= self.unary();
                }
                Some(Token::FloorDiv) => {
                    self.pos += 1;
                    value = floor_div(value, self.unary());
                }
                _ => return value,
            }
        }
    }

    fn unary(&mut self) -> i64 {
        match self.peek() {
            Some(Token::Plus) => {
                self.pos += 1;
                self.unary()
            }
            Some(Token::Minus) => {
                self.pos += 1;
                -self.unary()
            }
            _ => self.power(),
        }
    }

    fn power(&mut self) -> i64 {
        let base = match self.peek() {
            Some(Token::Num(n)) => n,
            _ => panic!("expected a number"),
        };
        self.pos += 1;
        if self.peek() == Some(Token::Pow) {
            self.pos += 1;
            let exponent = self.unary();
            return base.pow(exponent as u32);
        }
        base
    }
}

fn do_algebra(operator: Vec<String>, operand: Vec<i64>) -> i64 {
    let mut expression = operand[0].to_string();
    for (op, n) in operator.iter().zip(operand[1..].iter()) {
        expression.push_str(op);
        expression.push_str(&n.to_string());
    }
    let mut parser = Parser { tokens: tokenize(&expression), pos: 0 };
    parser.sum()
}
