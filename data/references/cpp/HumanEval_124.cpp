#include <cstddef>
#include <string>
#include <vector>

static bool is_py_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' ||
           (c >= '\x1c' && c <= '\x1f');
}

static std::string strip_spaces(const std::string& s) {
    std::size_t begin = 0;
    std::size_t end = s.size();
    while (begin < end && is_py_space(s[begin])) {
        begin++;
    }
    while (end > begin && is_py_space(s[end - 1])) {
        end--;
    }
    return s.substr(begin, end - begin);
}

// Parses text the way Python's int() does (surrounding spaces, a sign, digits with
// single underscores between them). Values past a billion are capped: only their
// comparison with small bounds matters here.
static bool parse_int(const std::string& text, long long& value) {
    std::string s = strip_spaces(text);
    std::size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        negative = s[i] == '-';
        i++;
    }
    if (i >= s.size()) {
        return false;
    }
    long long result = 0;
    bool previous_was_digit = false;
    for (; i < s.size(); i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            if (result < 1000000000LL) {
                result = result * 10 + (c - '0');
            }
            previous_was_digit = true;
        } else if (c == '_' && previous_was_digit) {
            previous_was_digit = false;
        } else {
            return false;
        }
    }
    if (!previous_was_digit) {
        return false;
    }
    value = negative ? -result : result;
    return true;
}

bool valid_date(std::string date) {
    date = strip_spaces(date);
    std::vector<std::string> parts;
    std::string current;
    for (std::size_t i = 0; i < date.size(); i++) {
        if (date[i] == '-') {
            parts.push_back(current);
            current.clear();
        } else {
            current.push_back(date[i]);
        }
    }
    parts.push_back(current);
    if (parts.size() != 3) {
        return false;
    }
    long long month = 0;
    long long day = 0;
    long long year = 0;
    if (!parse_int(parts[0], month) || !parse_int(parts[1], day) || !parse_int(parts[2], year)) {
        return false;
    }
    if (month < 1 || month > 12) {
        return false;
    }
    // The Python conditions read `(month in [...] and day < 1) or day > 31`, and the
    // later ones likewise, so every month rejects a day above 29.
    bool long_month = month == 1 || month == 3 || month == 5 || month == 7 || month == 8 ||
                      month == 10 || month == 12;
    bool short_month = month == 4 || month == 6 || month == 9 || month == 11;
    if ((long_month && day < 1) || day > 31) {
        return false;
    }
    if ((short_month && day < 1) || day > 30) {
        return false;
    }
    if ((month == 2 && day < 1) || day > 29) {
        return false;
    }
    return true;
}
