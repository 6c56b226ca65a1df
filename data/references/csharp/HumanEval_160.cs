using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

class Problem {
    // The original builds the expression text and evals it, so this parses that
    // text with Python's grammar: + and - (lowest), then * and //, then unary
    // signs, then ** (right-associative, binding tighter than a sign on its left).
    private class Parser {
        private readonly List<string> tokens;
        private int pos;

        public Parser(List<string> tokens) {
            this.tokens = tokens;
        }

        private string Peek() {
            return pos < tokens.Count ? tokens[pos] : null;
        }

        public long Parse() {
            long value = Sum();
            if (pos != tokens.Count) {
                throw new FormatException("unexpected token " + tokens[pos]);
            }
            return value;
        }

        private long Sum() {
            long value = Product();
            while (Peek() == "+" || Peek() == "-") {
                string op = tokens[pos++];
                long right = Product();
                value = op == "+" ? value + right : value - right;
            }
            return value;
        }

        private long Product() {
            long value = Unary();
            while (Peek() == "*" || Peek() == "//") {
                string op = tokens[pos++];
                long right = Unary();
                value = op == "*" ? value * right : FloorDiv(value, right);
            }
            return value;
        }

        private long Unary() {
            if (Peek() == "-") {
                pos++;
                return -Unary();
            }
            if (Peek() == "+") {
                pos++;
                return Unary();
            }
            return Power();
        }

        private long Power() {
            long value = Number();
            if (Peek() == "**") {
                pos++;
                long exponent = Unary();
                return Pow(value, exponent);
            }
            return value;
        }

        private long Number() {
            string token = Peek();
            if (token == null || !char.IsDigit(token[0])) {
                throw new FormatException("expected a number");
            }
            pos++;
            return long.Parse(token, CultureInfo.InvariantCulture);
        }
    }

    private static long FloorDiv(long a, long b) {
        long q = a / b;
        if (a % b != 0 && (a < 0) != (b < 0)) {
            q--;
        }
        return q;
    }

    private static long Pow(long b, long e) {
        if (e < 0) {
            throw new ArgumentException("negative exponent gives a float");
        }
        long result = 1;
        for (long i = 0; i < e; i++) {
            result *= b;
        }
        return result;
    }

    private static List<string> Tokenize(string text) {
        List<string> tokens = new List<string>();
        int i = 0;
        while (i < text.Length) {
            if (char.IsDigit(text[i])) {
                int start = i;
                while (i < text.Length && char.IsDigit(text[i])) {
                    i++;
                }
                tokens.Add(text.Substring(start, i - start));
            } else if (i + 1 < text.Length && (text.Substring(i, 2) == "**" || text.Substring(i, 2) == "//")) {
                tokens.Add(text.Substring(i, 2));
                i += 2;
            } else {
                tokens.Add(text[i].ToString());
                i++;
            }
        }
        return tokens;
    }

    public static long DoAlgebra(List<string> @operator, List<long> operand) {
        StringBuilder expression = new StringBuilder(operand[0].ToString(CultureInfo.InvariantCulture));
        for (int i = 0; i < @operator.Count && i + 1 < operand.Count; i++) {
            expression.Append(@operator[i]);
            expression.Append(operand[i + 1].ToString(CultureInfo.InvariantCulture));
        }
        return new Parser(Tokenize(expression.ToString())).Parse();
    }
}
