/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "wy-clock.h"
#include "wy-date.h"
#include "wy-light.h"
#include "wy-schema.h"
#include "wy-record.h"
#include "wy-store.h"
#include "wy-stats.h"
#include "wy-plan-template.h"
#include "wy-demo.h"
#include "wy-problems.h"
#include "wy-operations.h"
#include "wy-locations.h"
#include "wy-export.h"
#include "wy-due.h"
#include "wy-funding.h"
#include "wy-chart.h"
