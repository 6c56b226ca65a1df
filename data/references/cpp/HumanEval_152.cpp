#include <cstddef>
#include <vector>

std::vector<long long> compare(std::vector<long long> game, std::vector<long long> guess) {
    std::vector<long long> result;
    for (std::size_t i = 0; i < game.size() && i < guess.size(); i++) {
        long long diff = game[i] - guess[i];
        result.push_back(diff < 0 ? -diff : diff);
    }
    return result;
}
