// The helper package of gomc models (README, "Models as Go programs"). Models import it as
// "gomc"; go/model.sh resolves that import to this folder with a replace directive.
module gomc

go 1.18
