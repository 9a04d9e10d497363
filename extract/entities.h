// Entity recognition and coreference: finds the mentions of one sentence (names from the
// gazetteers and unknown capitalised names, government phrases, nationality adjectives,
// definite descriptions and pronouns), then resolves descriptions and pronouns to the entity
// they stand for, so that relation rules see every mention as a resolved entity.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extract/gazetteer.h"
#include "extract/lexicon.h"
#include "extract/segment.h"
#include "model/model.h"

namespace toile {

// The tag a rule pattern sees for a mention: ⟦ORG:3⟧.
enum class Tag : std::uint8_t {
  ORG,   // organization
  GOV,   // government body
  PER,   // person
  LOC,   // place
  PRD,   // product
  UNK,   // a name of unknown type: the rule slot that takes it decides
  NAT,   // nationality adjective or noun (« américain », « le Français ») → its country
  POSS,  // possessive determiner (« son », « sa », « ses ») → the entity it stands for
};
std::string_view tag_name(Tag tag);

struct EntityMention {
  std::size_t begin = 0, end = 0;  // normalized offsets covered by the marker
  Tag tag = Tag::UNK;
  std::string canonical;  // entity name; for NAT the country; empty until a POSS is resolved
  std::string surface;    // the name as written; empty for descriptions and pronouns
  bool is_country = false;   // LOC that is a state (may act as its government)
  bool is_reference = false;  // description or pronoun resolved to an earlier entity
  bool is_media = false;      // a news source (« selon Reuters »): not an antecedent
  bool is_pronoun = false;    // « il », « elle »
  // A GOV of a place's local authority, its kind (« région » for « la région Bretagne »,
  // local_authorities.tsv): « la région » alone after it stands for it. Empty for the others.
  // A view of the gazetteer's own text, which outlives every mention.
  std::string_view local_authority;
  std::string descriptor;     // the noun introducing or standing for it: « groupe »
  std::string country;  // nationality stated with it: « la société américaine X »
  std::string city;     // « la start-up lyonnaise X »: Lyon (country France)
  std::string leader;   // « l'administration Obama »: the leader named
  std::string parent;   // « l'activité batteries d'Orvane »: the parent's name
  std::string former_name;  // « Hynoval (ex-Électrolys) »: the name it had before
  std::vector<std::string> aliases;  // other names the article gives it (« X, ou KDS »)
  // « les trois loueurs »: a plural description of so many organizations named before
  // (group_size), resolved to them (members; canonical is then the first). Without an article
  // (« sanctionne trois sociétés. A, B et C voient… »), the names come after it.
  std::uint8_t group_size = 0;
  bool group_named_after = false;  // « trois sociétés de négoce » (no article): named next
  std::vector<std::string> members;
  // « son fournisseur »: a possessive followed by a noun of relative_nouns.tsv, the noun (lower
  // case) and where it ends. Resolved like any possessive, then read as the owner's relative
  // (canonical kRelativePrefix…, see relative_name).
  std::string relative;
  std::size_t relative_end = 0;
};

// The canonical of a possessive's relative (« son fournisseur » of X): "@relative:" then the
// relation, the owner's side and the owner, joined by ':'. The extractor puts in its place the
// company the article's earlier facts relate so to the owner, and drops a fact it finds none for.
inline constexpr std::string_view kRelativePrefix = "@relative:";
std::string relative_name(std::string_view relation, std::string_view owner_side, std::string_view owner);

struct TaggedSentence {
  Sentence sentence;
  std::size_t paragraph = 0;  // index of the text line the sentence is on
  std::vector<EntityMention> mentions;  // sorted, non-overlapping
};

// The words of a sentence before a mention, without the spaces right before it nor an article
// (« le », « la », « les », « l' », « un », « une ») right before it: « …mené par le X » gives
// « …mené par ». For tests of what governs a mention.
std::string_view words_before(std::string_view text, std::size_t sentence_begin,
                              const EntityMention& m);
// Whether `text` ends with `words` as whole words: the character before them, if any, is a
// space, unless `words` opens with punctuation (« ( », « , »).
bool ends_with_words(std::string_view text, std::string_view words);
// Whether a mention opens its sentence, a determiner at most before it (« Leur start-up X »).
bool opens_sentence(std::string_view text, const TaggedSentence& ts, const EntityMention& m);
// « Deux ans après avoir quitté Google, A et B… », « Pour entraîner X, la start-up… »: where the
// adverbial phrase that opens a sentence ends (its first comma), or the sentence's start when
// none does; and whether a mention lies inside it: not the sentence's subject.
std::size_t opening_phrase_end(std::string_view text, const TaggedSentence& ts);
bool in_opening_phrase(std::string_view text, const TaggedSentence& ts, const EntityMention& m);
// « Passés tous deux par le laboratoire de Google, les deux ingénieurs… »: whether a mention lies
// inside the clause of a participle that opens the sentence, before its first comma.
bool in_fronted_clause(std::string_view text, const Gazetteer& gaz, const TaggedSentence& ts,
                       const EntityMention& m);
// « Fondé en 2010 par A et B, deux anciens ingénieurs de X, Y exploite… »: in a sentence opened
// by a participle, whether a mention lies before the first name right after a comma, the
// sentence's subject (X does, in the clause's apposition).
bool before_fronted_subject(std::string_view text, const Gazetteer& gaz, const TaggedSentence& ts,
                            const EntityMention& m);

class EntityTagger {
 public:
  EntityTagger(const Gazetteer& gazetteer, const Lexicon& lexicon);

  // Tags every sentence of a document and resolves its descriptions and pronouns. When
  // coreference_seconds is given, the time spent resolving is added to it.
  std::vector<TaggedSentence> tag_document(std::string_view text,
                                           const std::vector<Sentence>& sentences,
                                           const std::vector<std::size_t>& paragraph_of,
                                           double* coreference_seconds = nullptr) const;

 private:
  struct Context;
  std::vector<EntityMention> tag_sentence(std::string_view text, std::vector<Token> tokens,
                                          const Context& context) const;
  void name_groups_after(std::string_view text, std::vector<TaggedSentence>& sentences) const;
  void resolve_references(std::string_view text, std::vector<TaggedSentence>& sentences) const;
  // « son fournisseur » once « son » is resolved: an ORG reference to the owner's relative
  // (kRelativePrefix), or the possessive alone when it has no owner.
  void read_relatives(std::vector<TaggedSentence>& sentences) const;

  const Gazetteer& gazetteer_;
  const Lexicon& lexicon_;
};

}  // namespace toile
