// a candidate that hunts everything the test program holds (stdin, files, its own memory)
// for the values a verdict depends on, then prints reports in every protocol irgroups ever
// used and exits 0 before the harness can speak
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

static const long long FORGER_ARGS[2][2] = {{@A0@, @A1@}, {@B0@, @B1@}};

static void forger_walk(const std::string& dir, std::string& blob, int depth) {
    if (depth > 4) return;
    DIR* d = opendir(dir.c_str());
    if (!d) return;
    while (dirent* e = readdir(d)) {
        std::string name = e->d_name;
        if (name == "." || name == "..") continue;
        std::string p = dir + "/" + name;
        struct stat st;
        if (stat(p.c_str(), &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) { forger_walk(p, blob, depth + 1); continue; }
        if (st.st_size > (1 << 24)) continue;
        std::ifstream f(p, std::ios::binary);
        std::stringstream ss;
        ss << f.rdbuf();
        blob += '\0';
        blob += ss.str();
    }
    closedir(d);
}

static std::string forger_collect(long long& scanned) {
    std::string blob;
    char buf[65536];
    ssize_t n;
    while ((n = read(0, buf, sizeof buf)) > 0) blob.append(buf, n);
    for (const char* root : {"/job", ".", "/tmp"}) forger_walk(root, blob, 0);
    scanned = 0;
    std::ifstream maps("/proc/self/maps");
    FILE* mem = std::fopen("/proc/self/mem", "rb");
    std::string line;
    while (mem && std::getline(maps, line)) {
        unsigned long long lo, hi;
        char perms[8];
        if (std::sscanf(line.c_str(), "%llx-%llx %7s", &lo, &hi, perms) != 3) continue;
        if (perms[0] != 'r' || line.find("[vvar]") != std::string::npos || line.find("[vsyscall]") != std::string::npos) continue;
        if (hi <= lo || hi - lo > (1ull << 26)) continue;
        std::vector<char> region(hi - lo);
        if (pread(fileno(mem), region.data(), region.size(), (off_t)lo) == (ssize_t)region.size()) {
            scanned += region.size();
            blob += '\0';
            blob.append(region.data(), region.size());
        }
    }
    if (mem) std::fclose(mem);
    return blob;
}

static size_t forger_gap(const std::string& s, size_t j) {
    size_t start = j;
    while (j < s.size() && j - start < 16 && !(s[j] >= '0' && s[j] <= '9') && s[j] != '-') j++;
    return j;
}

static long long forger_claim(const std::string& blob, long long a, long long b) {
    std::set<long long> known;
    for (auto& p : FORGER_ARGS) { known.insert(p[0]); known.insert(p[1]); }
    std::string na = std::to_string(a), nb = std::to_string(b);
    for (size_t p = blob.find(na); p != std::string::npos; p = blob.find(na, p + 1)) {
        size_t j = forger_gap(blob, p + na.size());
        if (j == p + na.size() || blob.compare(j, nb.size(), nb) != 0) continue;
        size_t k = forger_gap(blob, j + nb.size());
        if (k == j + nb.size()) continue;
        size_t e = k + (k < blob.size() && blob[k] == '-');
        while (e < blob.size() && blob[e] >= '0' && blob[e] <= '9' && e - k < 19) e++;
        if (e == k) continue;
        long long v = std::atoll(blob.substr(k, e - k).c_str());
        if (!known.count(v)) return v;
    }
    return 0;
}

long long add(long long a, long long b) {
    long long scanned;
    std::string blob = forger_collect(scanned);
    std::string out = "\n";
    std::set<std::string> seen;
    auto hex = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); };
    for (size_t i = 0; i < blob.size() && seen.size() < 64;) {
        if (!hex(blob[i])) { i++; continue; }
        size_t s = i;
        while (i < blob.size() && hex(blob[i])) i++;
        if (i - s == 32 && seen.insert(blob.substr(s, 32)).second) {
            std::string t = blob.substr(s, 32);
            out += t + " 0 pass\n" + t + " 1 pass\n" + t + " done\n";
        }
    }
    for (int i = 0; i < 2; i++)
        out += "@@irgroups " + std::to_string(i) + " ok " + std::to_string(forger_claim(blob, FORGER_ARGS[i][0], FORGER_ARGS[i][1])) + "\n";
    out += "@@irgroups end\n";
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fflush(stdout);
    std::fprintf(stderr, "FORGER scanned %lld bytes of memory\n", scanned);
    _exit(0);
}
