#include <cstddef>
#include <string>
#include <vector>

// The operators are joined with the operands into a Python expression, so it is
// evaluated with Python's grammar: unary signs, right-associative **, floor //.

static std::vector<std::string> tokenize(const std::string& expr) {
    std::vector<std::string> tokens;
    std::size_t i = 0;
    while (i < expr.size()) {
        if (expr[i] >= '0' && expr[i] <= '9') {
            std::size_t j = i;
            while (j < expr.size() && expr[j] >= '0' && expr[j] <= '9') {
                j++;
            }
            tokens.push_back(expr.substr(i, j - i));
            i = j;
        } else if (expr.compare(i, 2, "**") == 0 || expr.compare(i, 2, "//") == 0) {
            tokens.push_back(expr.substr(i, 2));
            i += 2;
        } else {
            tokens.push_back(expr.substr(i, 1));
            i += 1;
        }
    }
    return tokens;
}

static long long int_power(long long base, long long exponent) {
    if (exponent < 0) {
        return 0;
    }
    long long result = 1;
    while (exponent > 0) {
        if (exponent % 2 == 1) {
            result *= base;
        }
        exponent /= 2;
        if (exponent > 0) {
            base *= base;
        }
    }
    return result;
}

static long long floor_divide(long long a, long long b) {
    if (b == 0) {
        return 0;
    }
    long long q = a / b;
    if (a % b != 0 && ((a < 0) != (b < 0))) {
        q -= 1;
    }
    return q;
}

static long long parse_factor(const std::vector<std::string>& tokens, std::size_t& pos);

static long long parse_power(const std::vector<std::string>& tokens, std::size_t& pos) {
    long long base = 0;
    if (pos < tokens.size() && tokens[pos][0] >= '0' && tokens[pos][0] <= '9') {
        base = std::stoll(tokens[pos]);
        pos++;
    }
    if (pos < tokens.size() && tokens[pos] == "**") {
        pos++;
        long long exponent = parse_factor(tokens, pos);
        return int_power(base, exponent);
    }
    return base;
}

static long long parse_factor(const std::vector<std::string>& tokens, std::size_t& pos) {
    if (pos < tokens.size() && tokens[pos] == "-") {
        pos++;
        return -parse_factor(tokens, pos);
    }
    if (pos < tokens.size() && tokens[pos] == "+") {
        pos++;
        return parse_factor(tokens, pos);
    }
    return parse_power(tokens, pos);
}

static long long parse_term(const std::vector<std::string>& tokens, std::size_t& pos) {
    long long value = parse_factor(tokens, pos);
    while (pos < tokens.size() && (tokens[pos] == "*" || tokens[pos] == "//")) {
        std::string op = tokens[pos];
        pos++;
        long long rhs = parse_factor(tokens, pos);
        if (op == "*") {
            value *= rhs;
        } else {
            value = floor_divide(value, rhs);
        }
    }
    return value;
}

static long long parse_sum(const std::vector<std::string>& tokens, std::size_t& pos) {
    long long value = parse_term(tokens, pos);
    while (pos < tokens.size() && (tokens[pos] == "+" || tokens[pos] == "-")) {
        std::string op = tokens[pos];
        pos++;
        long long rhs = parse_term(tokens, pos);
        if (op == "+") {
            value += rhs;
        } else {
            value -= rhs;
        }
    }
    return value;
}

long long do_algebra(std::vector<std::string> operator_, std::vector<long long> operand) {
    std::string expression = std::to_string(operand[0]);
    for (std::size_t i = 0; i < operator_.size() && i + 1 < operand.size(); i++) {
        expression += operator_[i] + std::to_string(operand[i + 1]);
    }
    std::vector<std::string> tokens = tokenize(expression);
    std::size_t pos = 0;
    return parse_sum(tokens, pos);
}
