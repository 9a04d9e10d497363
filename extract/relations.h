// Relation rules: RE2 patterns written over entity-tagged sentences, read from
// fr/relations/*.rules (format in docs/rules.md), compiled once with a pre-filter of the literal
// strings each needs that tells which rules can match a sentence, then run one by one to read
// their slots.
//
// A sentence « Le groupe Orvane a racheté la start-up Lumio. » is matched as
// « Le ⟦ORG:0⟧ a racheté la ⟦ORG:1⟧. », and a rule
//   rule  acq.rachete  acquires  {S:ORG|UNK} a racheté {O:ORG|UNK}
// gives Orvane –acquires→ Lumio.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extract/entities.h"
#include "extract/rule_files.h"

namespace toile {

// What a rule matched: the mentions (or implicit entities) on each side, where, and how.
struct RelationMatch {
  std::string rule_id;
  std::string relation;
  std::string status;       // from the rule's status= option
  bool fallback = false;    // from the rule's fallback option
  double confidence = 0.5;  // the rule's measured precision (fr/confidence.tsv)
  // Mention indices into the TaggedSentence, or -1 with implicit_* naming the entity
  // (@topic, @first) the rule stands for.
  int subject = -1, object = -1;
  EntityType subject_type = EntityType::Organization, object_type = EntityType::Organization;
  std::string subject_name, object_name;  // canonical names, resolved for STATE/NAT slots
  std::size_t begin = 0, end = 0;          // normalized offsets of the whole match
  std::size_t negation_begin = 0;          // where a negation cue counts from (the rule's
                                           // negation= option; else begin)
};

// The subject name of a match from a subject=@deal rule, for the extractor to replace with the
// buyer of the last acquisition the article stated before the sentence.
inline constexpr std::string_view kLastDealBuyer = "@deal";
// The object name of a match from an object=@deal rule: that acquisition's target.
inline constexpr std::string_view kLastDealTarget = "@deal-target";
// subject=@founders: each founder of the object company the article named before (its
// founded-by facts); object=@founded: the company whose founders the article named last.
inline constexpr std::string_view kFounders = "@founders";
inline constexpr std::string_view kFoundedCompany = "@founded";
// subject=@fined, object=@fining: the one fined and the one who fined in the last fine the article
// stated before.
inline constexpr std::string_view kFined = "@fined";
inline constexpr std::string_view kFining = "@fining";
// object=@sanctioner: SentenceContext::sanctioner.
inline constexpr std::string_view kSanctioner = "@sanctioner";
// object=@named-before: the company the sentence named last before the subject, else the topic.
inline constexpr std::string_view kNamedBefore = "@named-before";

// Entities a rule may name without a mention in the sentence.
struct SentenceContext {
  std::string topic;  // the paragraph's main organization (« y a participé » → its round)
  // The regulator last named up to the sentence (« X écope pour sa part de 8 millions » → its
  // fine): the last government body that is no state's government.
  std::string authority;
  // The state or body that announced sanctions last, up to the sentence before (« L'Union
  // européenne a inscrit sur sa liste noire quatre sociétés. Sont visés A, B… »): the first
  // government body of the last sentence that spoke of sanctions or a blacklist.
  std::string sanctioner;
  // The story's main organization: its first paragraph topic (the headline's, mostly), for a
  // paragraph whose own first organization is only named after what the sentence is about.
  std::string story_topic;
  bool topic_named_earlier = false;  // an earlier sentence of the paragraph names the topic
};

// A sentence to match: the text its offsets are in, its entities and its context (pointers,
// not copies: the caller keeps them alive for the call).
struct SentenceToMatch {
  std::string_view text;
  const TaggedSentence* sentence = nullptr;
  const SentenceContext* context = nullptr;
};

// The sentence as rules see it: « Le ⟦ORG:0⟧ a racheté la ⟦ORG:1⟧. »
std::string tagged_text(std::string_view text, const TaggedSentence& sentence);

class RelationRules {
 public:
  // Reads every fr/relations/*.rules file and fr/confidence.tsv; throws RuleError. With
  // `compile_ahead`, a thread of low priority (background_priority.h) compiles the rules until
  // they are all compiled or the rules go, for a core the extraction leaves spare; else each
  // rule is compiled by the first thread to need it.
  static RelationRules load(const RuleFiles& files, const Gazetteer& gazetteer, bool compile_ahead = false);
  RelationRules(RelationRules&&) noexcept;
  RelationRules& operator=(RelationRules&&) noexcept;
  ~RelationRules();

  std::vector<RelationMatch> match(std::string_view text, const TaggedSentence& sentence,
                                   const SentenceContext& context) const;
  // The matches of each sentence of a batch, as match() gives them one by one, found faster:
  // each rule runs over all the batch's sentences that may hold it while its automata are in
  // the cache. A batch of a few dozen articles gets most of the gain.
  std::vector<std::vector<RelationMatch>> match(std::span<const SentenceToMatch> batch) const;
  std::size_t size() const;
  // A rule's measured precision from fr/confidence.tsv; 0.5 when it was never measured.
  double confidence(const std::string& rule_id) const;
  // Stops compiling rules ahead (see load) once the pattern being compiled is done, without
  // waiting for that. Matching still works, compiling what it needs itself. The destructor
  // does the same.
  void stop_background_work() const;

  struct Impl;

 private:
  RelationRules();
  std::shared_ptr<Impl> impl_;  // shared with the thread compiling ahead, until it stops
};

}  // namespace toile
